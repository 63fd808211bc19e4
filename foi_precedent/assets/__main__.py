"""``python -m foi_precedent.assets``."""

import sys

from foi_precedent.assets.cli import main

sys.exit(main())
