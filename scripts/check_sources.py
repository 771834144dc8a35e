"""List every source URL in the bundled decks with the cards that cite it, for a reviewer checking facts.

python scripts/check_sources.py            # URL, then the card ids citing it
python scripts/check_sources.py --counts   # URL and how many cards cite it, most cited first
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studyaws.decks.loader import deck_files, load_decks  # noqa: E402
from studyaws.paths import bundled_deck_dir  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--counts", action="store_true", help="only the number of cards per URL")
    ap.add_argument("decks", nargs="*", type=Path, help="deck files (default: the bundled decks)")
    args = ap.parse_args()
    cited: dict[str, list[str]] = defaultdict(list)
    for deck in load_decks(args.decks or deck_files(bundled_deck_dir())):
        for note in deck.notes:
            cited[note.source].append(f"{note.uid} ({deck.path.name}:{note.line}, verified {note.verified})")
    if args.counts:
        for url, cards in sorted(cited.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"{len(cards):4}  {url}")
    else:
        for url in sorted(cited):
            print(url)
            for card in cited[url]:
                print(f"    {card}")
    print(f"{len(cited)} URLs, {sum(len(v) for v in cited.values())} cards", file=sys.stderr)


if __name__ == "__main__":
    main()
