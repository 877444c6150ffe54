#!/usr/bin/env python3
"""The edition's command line: build (default), check, cut, serve. See README.md."""

from __future__ import annotations

import sys

from edition.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
