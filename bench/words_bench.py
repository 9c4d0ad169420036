"""The word check (checks.check_words) on claims that change what happened, to what or whom,
or what it was like (not a test; run on demand). From each source sentence, generated claims
cited to it:

- its first verb swapped for a random common news verb in the same form ("invited" ->
  "arrested"), and for a WordNet synonym of it;
- a random adjective put before its first noun after "the"/"a" ("the treatment" -> "the
  deadly treatment"), and its first adjective swapped for a WordNet synonym;
- that noun swapped for a random news noun ("the treatment" -> "the vaccine"), and for a
  WordNet synonym;
- its first verb with no auxiliary before it put in the "-s" form: swapped for a news verb
  that is a noun too ("raised" -> "cuts"), and kept ("raised" -> "raises").

A fabricated claim the verifier accepts as written is shown as fact; a synonym claim it does not
accept is a faithful paraphrase it costs (repaired by quoting, or sent to the LLM judge).

    python bench/words_bench.py ../shared/eval/clusters-dev               # seed fixtures + DUC
    python bench/words_bench.py --no-check ../shared/eval/clusters-dev    # the check left out

The claims are generated, not picked (fixed seed). Random swaps and insertions are nearly always
fabrications; WordNet synonyms are not all good paraphrases (its senses are broad), so their
acceptance rate is an upper bound on what the check lets through as paraphrase.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lemminflect  # type: ignore[import-untyped]  # noqa: E402

from summarizer import checks, lexicon  # noqa: E402
from summarizer.ingest import load_articles, make_article  # noqa: E402
from summarizer.models import Article, Citation, Claim  # noqa: E402
from summarizer.verify import SourceContext, verify_claim  # noqa: E402

NEWS_VERBS = (
    "accept approve arrest attack ban block cancel celebrate charge close condemn confirm "
    "criticize cut delay deny destroy dismiss double end fire fund hire ignore invite join "
    "launch leave lose mock oppose pardon postpone praise protest raise reject release "
    "replace resign sell shut sign sue support suspend threaten veto visit warn win withdraw"
).split()
NOUNS = (
    "police soldiers protesters doctors judge court hospital bank army company school church "
    "embassy airport bridge election vaccine bomb storm fire"
).split()
ADJECTIVES = (
    "secret nuclear illegal violent fake rival corrupt deadly massive unprecedented "
    "controversial emergency bitter failed historic angry tiny huge brutal"
).split()

AUXILIARIES = checks.VERB_MARKERS
Swap = tuple[int, str, str, str]  # token position, word, base form, Penn tag


def _word(tok: str) -> str:
    return tok.strip(".,;:!?\"'()“”‘’")


def roles(toks: list[str]) -> list[tuple[int, str, str, dict[str, str]]]:
    """(position, word, kind, bases) of each word the check reads, as ``checks.word_role``
    sees it (the sentence split on spaces, punctuation left out)."""
    clean = [_word(t) for t in toks]
    out = []
    for i, word in enumerate(clean):
        role = checks.word_role(clean, i)
        if role is not None:
            out.append((i, word, *role))
    return out


def verbs_of(toks: list[str]) -> list[Swap]:
    """The sentence's checked verbs, with their Penn tag (to inflect a replacement alike)."""
    out = []
    for i, word, kind, bases in roles(toks):
        if kind != "verbs":
            continue
        forms = lemminflect.getAllInflections(bases["verbs"], upos="VERB").items()
        tags = [t for t, words in forms if word.lower() in words]
        if tags:
            out.append((i, word, bases["verbs"], tags[0]))
    return out


def adjectives_of(toks: list[str]) -> list[Swap]:
    """The sentence's checked adjectives in their base form."""
    return [
        (i, word, bases["adjectives"], "JJ")
        for i, word, kind, bases in roles(toks)
        if kind == "adjectives" and bases["adjectives"] == word
    ]


def replaced(toks: list[str], at: Swap, new: str) -> str:
    i, word, _, _ = at
    out = list(toks)
    out[i] = out[i].replace(word, new)
    return " ".join(out)


def synonym(kind: str, base: str) -> str | None:
    """A WordNet synonym: each is among the other's relatives (of any rank: the same claims
    whatever ranks the check accepts)."""
    return next((w for w in _all(kind, base) if base in _all(kind, w)), None)


def _all(kind: str, word: str) -> list[str]:
    return sorted(lexicon.related(kind, word, 99))


def claims_of(sentence: str, rng: random.Random) -> dict[str, str]:
    """The generated claims of one sentence, by kind (a kind is missing when it cannot apply)."""
    toks = sentence.split()
    out: dict[str, str] = {}
    verbs = verbs_of(toks)
    if verbs:
        at = verbs[0]
        other = rng.choice([v for v in NEWS_VERBS if v != at[2]])
        forms = lemminflect.getInflection(other, tag=at[3])
        if forms:
            out["verb: random"] = replaced(toks, at, forms[0])
        same = synonym("verbs", at[2])
        forms = lemminflect.getInflection(same, tag=at[3]) if same else ()
        if forms:
            out["verb: synonym"] = replaced(toks, at, forms[0])
    out.update(present_tense(toks, verbs))
    nouns = [
        i
        for i, t in enumerate(toks)
        if i and t.isalpha() and t.islower() and set(checks.word_readings(t)) == {"NOUN"}
        and toks[i - 1].lower() in ("the", "a", "an")
    ]  # fmt: skip
    adjective = rng.choice(ADJECTIVES)
    if nouns and adjective not in sentence.lower():
        i = nouns[0]
        article = toks[i - 1]
        if article.lower() in ("a", "an"):
            article = (
                ("an" if adjective[0] in "aeiou" else "a").capitalize()
                if article[0].isupper()
                else ("an" if adjective[0] in "aeiou" else "a")
            )
        out["adjective: inserted"] = " ".join([*toks[: i - 1], article, adjective, *toks[i:]])
    if nouns:
        i, new = nouns[0], rng.choice(NOUNS)
        if new not in sentence.lower():
            out["noun: random"] = " ".join([*toks[:i], new, *toks[i + 1 :]])
        same = synonym("nouns", toks[i])
        if same:
            out["noun: synonym"] = " ".join([*toks[:i], same, *toks[i + 1 :]])
    adjectives = adjectives_of(toks)
    if adjectives:
        at = adjectives[0]
        same = synonym("adjectives", at[2])
        if same:
            out["adjective: synonym"] = replaced(toks, at, same)
    return {k: v for k, v in out.items() if v != sentence}


# News verbs that are nouns too ("cuts", "attacks", "supports"): read alone, either.
NOUN_VERBS = [v for v in NEWS_VERBS if "NOUN" in checks.word_readings(v)]


def present_tense(toks: list[str], verbs: list[Swap]) -> dict[str, str]:
    """The first checked verb with no auxiliary before it put in the "-s" form: swapped for a
    news verb that is a noun too ("The council raised taxes" -> "The council cuts taxes"),
    the case a word check that leaves such a word a noun-or-verb lets through when any of its
    readings' relatives is in the cited text; and kept ("... raises taxes"), which must still
    pass. Its own random generator (seeded by the sentence), so the other kinds' claims stay
    what they were before this kind was added."""
    free = [at for at in verbs if at[0] and _word(toks[at[0] - 1]).lower() not in AUXILIARIES]
    if not free:
        return {}
    at, rng = free[0], random.Random(" ".join(toks))
    out: dict[str, str] = {}
    other = rng.choice([v for v in NOUN_VERBS if v != at[2]])
    forms = lemminflect.getInflection(other, tag="VBZ")
    if forms:
        out["verb: noun too, -s form"] = replaced(toks, at, forms[0])
    forms = lemminflect.getInflection(at[2], tag="VBZ")
    if forms and forms[0] != at[1]:
        out["verb: same, -s form"] = replaced(toks, at, forms[0])
    return out


def run(articles: list[Article], rng: random.Random, check: bool) -> dict[str, list[bool]]:
    index = {s.id: s for a in articles for s in a.sentences}
    ctx = SourceContext(index.values())
    accepted: dict[str, list[bool]] = {}
    for s in index.values():
        cite = [Citation(sentence_id=s.id, article_id=s.article_id, text=s.text)]
        for kind, text in claims_of(s.text, rng).items():
            claim = Claim(text=text, citations=cite)
            result = verify_claim(claim, index, ctx=ctx, repair=False, cited_words=check)
            accepted.setdefault(kind, []).append(result.verdict == "accepted")
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
    parser.add_argument("--no-check", action="store_true", help="leave the word check out")
    parser.add_argument("--duc", type=int, default=60, help="DUC 2003 articles to use")
    args = parser.parse_args()
    sets: dict[str, Callable[[], list[Article]]] = {
        "seed fixtures": lambda: load_articles(ROOT / "fixtures" / "articles")
    }
    if args.clusters:
        sets["DUC 2003"] = lambda: duc_articles(args.clusters, args.duc)
    print(f"word check: {'off' if args.no_check else 'on'}; accepted as written:")
    for name, load in sets.items():
        result = run(load(), random.Random(7), check=not args.no_check)
        for kind, hits in sorted(result.items()):
            rate = sum(hits) / len(hits) if hits else float("nan")
            print(f"{name:14} {kind:20} {len(hits):5} claims  {rate:.3f}")


if __name__ == "__main__":
    main()
