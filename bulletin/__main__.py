"""``python -m bulletin``."""

from bulletin.cli import main

if __name__ == "__main__":
    main()
