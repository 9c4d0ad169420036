"""The verb check (checks.check_verbs) on claims that change what happened (not a test; run on
demand): each source sentence with a verb has that verb swapped for another common news verb
in the same form ("invited" -> "arrested"), cited to the sentence it came from. A claim the
verifier accepts as written is a fabrication shown as fact. The same sentences with the verb
swapped for a WordNet synonym measure what the check costs faithful paraphrases.

    python bench/verb_bench.py ../shared/eval/clusters-dev         # seed fixtures + DUC 2003
    python bench/verb_bench.py --no-verbs ../shared/eval/clusters-dev   # the check left out

The swaps are generated, not picked: the first eligible verb of each sentence, the new verb
drawn with a fixed seed from NEWS_VERBS. Random swaps are nearly always fabrications; the
synonym swaps are not all good paraphrases (WordNet senses are broad), so their acceptance
rate is an upper bound on what the check lets through as paraphrase, and a lower bound on
what it costs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lemminflect  # type: ignore[import-untyped]  # noqa: E402

from summarizer import checks, lexicon  # noqa: E402
from summarizer.ingest import load_articles, make_article  # noqa: E402
from summarizer.models import Article, Citation, Claim  # noqa: E402
from summarizer.text import STOPWORDS  # noqa: E402
from summarizer.verify import SourceContext, verify_claim  # noqa: E402

NEWS_VERBS = (
    "accept approve arrest attack ban block cancel celebrate charge close condemn confirm "
    "criticize cut delay deny destroy dismiss double end fire fund hire ignore invite join "
    "launch leave lose mock oppose pardon postpone praise protest raise reject release "
    "replace resign sell shut sign sue support suspend threaten veto visit warn win withdraw"
).split()


def eligible(sentence: str) -> list[tuple[int, str, str, str]]:
    """(token position, word, base form, Penn tag) of the sentence's swappable verbs."""
    out = []
    toks = sentence.split()
    for i, tok in enumerate(toks):
        word = tok.strip(".,;:!?\"'()“”‘’")
        low = word.lower()
        if not low.isalpha() or (i and word[:1].isupper()) or low in STOPWORDS or len(low) < 3:
            continue
        base = checks.verb_base(low, toks[i - 1].lower() if i else "")
        if base is None or checks.stem(base) in checks._LIGHT or low in checks._VERB_LIKE:
            continue
        tags = [t for t, forms in lemminflect.getAllInflections(base, upos="VERB").items()
                if low in forms]  # fmt: skip
        if tags:
            out.append((i, word, base, tags[0]))
    return out


def swapped(sentence: str, at: tuple[int, str, str, str], new_base: str) -> str | None:
    i, word, _, tag = at
    forms = lemminflect.getInflection(new_base, tag=tag)
    if not forms:
        return None
    toks = sentence.split()
    toks[i] = toks[i].replace(word, forms[0])
    return " ".join(toks)


def run(articles: list[Article], rng: random.Random, verbs: bool) -> dict[str, list[bool]]:
    index = {s.id: s for a in articles for s in a.sentences}
    ctx = SourceContext(index.values())
    accepted: dict[str, list[bool]] = {"random verb": [], "WordNet synonym": []}
    relatives = lexicon.verb_relatives()  # a synonym: each is among the other's relatives
    for s in index.values():
        spots = eligible(s.text)
        if not spots:
            continue
        at = spots[0]
        cite = [Citation(sentence_id=s.id, article_id=s.article_id, text=s.text)]
        other = rng.choice([v for v in NEWS_VERBS if v != at[2]])
        synonyms = [w for w in relatives.get(at[2], ()) if at[2] in relatives.get(w, ())]
        for kind, new in (("random verb", other), ("WordNet synonym", synonyms[:1])):
            if not new:
                continue
            text = swapped(s.text, at, new if isinstance(new, str) else new[0])
            if text is None or text == s.text:
                continue
            claim = verify_claim(
                Claim(text=text, citations=cite), index, ctx=ctx, repair=False, verbs=verbs
            )
            accepted[kind].append(claim.verdict == "accepted")
    return accepted


def duc_articles(folder: Path, limit: int) -> list[Article]:
    out: list[Article] = []
    for line in (folder / "duc2003_clusters.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            out.extend(make_article(d["text"]) for d in json.loads(line)["docs"])
    return out[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("clusters", type=Path, nargs="?", help="the clusters-dev folder")
    parser.add_argument("--no-verbs", action="store_true", help="leave the verb check out")
    parser.add_argument("--duc", type=int, default=60, help="DUC 2003 articles to use")
    args = parser.parse_args()
    sets = {"seed fixtures": load_articles(ROOT / "fixtures" / "articles")}
    if args.clusters:
        sets["DUC 2003"] = duc_articles(args.clusters, args.duc)
    print(f"verb check: {'off' if args.no_verbs else 'on'}")
    for name, articles in sets.items():
        result = run(articles, random.Random(7), verbs=not args.no_verbs)
        for kind, hits in result.items():
            rate = sum(hits) / len(hits) if hits else float("nan")
            print(f"{name:14} {kind:16} {len(hits):5} claims, accepted as written {rate:.3f}")


if __name__ == "__main__":
    main()
