"""``python -m bulletin``: the ``bulletin`` command (:func:`bulletin.cli.main`)."""

import sys

from bulletin.cli import main

if __name__ == "__main__":
    sys.exit(main())
