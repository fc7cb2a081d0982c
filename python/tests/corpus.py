"""Invented news documents for the Python tests and benchmarks, generated deterministically.

Templates with varied names, places, organisations and quotations (straight and curly marks,
accents, emoji, lone surrogates) so batches exercise the whole pipeline and the code-point
offsets; none of it is taken from a published article or from ../shared.
"""

import random

FIRST = ["Ana", "Tomás", "Wei", "Priya", "Kwame", "Léa", "Jonas", "Maren", "Diego", "Aiko", "Olu", "Zofia"]
LAST = ["Ruiz", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Novak", "Brennan", "Costa", "Iyer"]
TITLES = ["Mayor", "Senator", "Dr.", "Coach", "Minister", "Judge", ""]
PLACES = ["Lisbon", "Nairobi", "Québec", "Osaka", "Tromsø", "Valparaíso", "Gdańsk", "Accra", "Leeds"]
ORGS = ["the Harbour Authority", "Northwind Rail", "the City Council", "Bluefin Energy", "the Red Cross"]
TOPICS = ["the new bridge", "the tram line", "the flood barrier", "school meals", "the night market"]
VERBS = ["said", "told reporters", "added", "insisted", "wrote", "warned"]
QUOTES = [
    "We will finish {topic} before the winter",
    "Nobody in {place} asked for this",
    "The numbers simply do not add up",
    "I have spoken to {org} every week",
    "It is a good day for {place} 🎉",
    "Our crews are ready, and so is the money",
]
MARKS = [("“", "”"), ('"', '"'), ("«", "»")]


def _person(rng):
    title = rng.choice(TITLES)
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return (f"{title} {name}" if title else name), name.split()[-1]


def document(i):
    """The i-th invented article (same i, same text)."""
    rng = random.Random(i)
    place, org, topic = rng.choice(PLACES), rng.choice(ORGS), rng.choice(TOPICS)
    paragraphs = [f"{place.upper()} — {org[0].upper() + org[1:]} announced on Tuesday a plan for {topic} in {place}."]
    for _ in range(rng.randint(2, 6)):
        full, last = _person(rng)
        open_, close = rng.choice(MARKS)
        quote = rng.choice(QUOTES).format(topic=topic, place=place, org=org)
        verb = rng.choice(VERBS)
        shape = rng.randrange(4)
        if shape == 0:
            paragraphs.append(f"{open_}{quote},{close} {verb} {full}.")
        elif shape == 1:
            paragraphs.append(f"{full} {verb}: {open_}{quote}.{close}")
        elif shape == 2:
            paragraphs.append(f"{open_}{quote},{close} {last} {verb}, adding that {org} would pay.")
        else:
            paragraphs.append(f"Residents of {place} met {full} at noon. {open_}{quote}!{close} one of them shouted.")
    if i % 97 == 0:
        paragraphs.append("A stray \ud83d half of a pair, then 😀 whole, and Zoë Ng in Malmö.")
    return "\n\n".join(paragraphs)


def documents(n):
    """Records {"id", "text"} for the first n invented articles."""
    return [{"id": f"doc-{i:05d}", "text": document(i)} for i in range(n)]
