"""Hand-written SYNTHETIC articles for tests: invented events on topics unrelated to the fixtures.

They are not news; they exist only to check that unrelated stories stay apart and that distinct
articles about the same invented event cluster together.
"""

from __future__ import annotations

FLOOD_A = """River Alder floods the old town of Brennick

Heavy rain over the weekend pushed the River Alder over its banks in Brennick, flooding the old
town and forcing about 400 residents to leave their homes. Fire crews used boats to reach
families trapped on upper floors near the market square.

The mayor of Brennick said the flood barriers installed in 2019 held along the northern bank but
water came through drains on the southern side. Schools in the old town will stay closed until
Wednesday while engineers check the bridges.

Forecasters expect the river level to fall slowly after the rain stops on Monday evening."""

FLOOD_B = """Brennick counts the cost as flood water recedes

Shopkeepers in Brennick began clearing mud from their floors on Tuesday as the River Alder fell
back below its banks. Insurers estimate the flood damaged more than 150 businesses in the old
town, most of them around the market square.

Residents evacuated during the weekend flooding were allowed to return to some streets, the
town council said. The council has asked the regional government for emergency funds to repair
drains and the southern flood barrier, which failed under the pressure of the river."""

CUP_A = """Harbour City win the national rugby cup in extra time

Harbour City beat Northfield 27-24 after extra time to win the national rugby cup final in front
of a sold-out stadium on Saturday. Fly-half Tomas Reyes kicked the winning penalty two minutes
before the end of extra time.

Northfield had led for most of the second half after two tries from their captain, but a late
Harbour City try forced the match into extra time. It is the club's first cup title in eleven
seasons, and fans celebrated in the streets around the harbour until late at night."""

CUP_B = """Reyes penalty seals cup for Harbour City

A penalty from fly-half Tomas Reyes in the last minutes of extra time gave Harbour City the
national rugby cup, ending eleven years without a title. The final against Northfield finished
27-24 after the teams were level at the end of normal time.

The Harbour City coach praised his players for coming back after trailing in the second half.
Northfield's captain scored two tries but said his team had lost control of the match in extra
time. The club will parade the trophy through the city on Sunday."""

COMET = """Amateur astronomer spots new comet from a backyard telescope

An amateur astronomer in the mountain village of Ostvik has discovered a new comet using a
small telescope in her garden. The comet, now catalogued under her name, is expected to pass
closest to the Sun next spring and may become visible through binoculars.

Observatories confirmed the discovery after measuring the object's orbit over three nights.
The astronomer said she had been photographing the same patch of sky for six years."""


def syndicated_copy(text: str, outlet: str) -> str:
    """A copy of ``text`` as a syndicating outlet would run it: a few small edits.

    The headline is rewritten, two words are changed, and a credit line is added at the end.
    """
    lines = text.strip().split("\n")
    headline, body = lines[0], "\n".join(lines[1:])
    body = body.replace("Washington", "Washington, D.C.", 1).replace("Moscow", "the Kremlin", 1)
    credit = f"This article was distributed by a wire service to {outlet}."
    return f"{headline} ({outlet})\n{body}\n\n{credit}"


# A two-sentence local item, and the same words as one run with no sentence break (a scraped
# page without full stops), for the blurb's whole-sentence and cut-piece rules.
COUNCIL = (
    "The city council on Tuesday approved a budget of 40 million dollars for the parks. "
    "Council members voted nine to two in favour of the plan after a long debate."
)


def run_without_breaks(words: int) -> str:
    """``words`` words of COUNCIL, repeated, with no sentence break."""
    base = COUNCIL.replace(".", "").split()
    return " ".join(base[i % len(base)] for i in range(words))
