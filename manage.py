#!/usr/bin/env python
"""Django's command-line utility for lienhiep."""

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lienhiep.settings.base")
    if "SECRET_KEY" not in os.environ:
        # A developer's machine: production always sets SECRET_KEY (and DEBUG=0 by default).
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
