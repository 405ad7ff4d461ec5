"""``python -m edition``: the same as the ``edition`` command."""

from .cli import main

main()
