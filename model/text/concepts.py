"""Concept features: EN/NL surface forms of warning-sign vocabulary mapped to shared tokens.

Constraints: the lexicon is written from the public warning-sign taxonomy and general language
knowledge (design/indicators.md), never from evaluation data; it maps words a child-safety
analyst would group together ("alone", "by yourself", "niemand thuis") to one concept token, so
the model can carry what it learned on one phrasing to another, and across the two languages.
A concept is evidence, not a verdict: "alone" is also what a parent or a friend says, and the
network learns from context when it matters. Patterns match whole words of normalized text.

Example:
    >>> sorted(concepts("are you home alone right now ?"))
    ['c:alone', 'c:home', 'c:now', 'c:now']
    >>> sorted(concepts("zeg niks tegen je ouders"))
    ['c:dont-tell', 'c:parents']
"""

from __future__ import annotations

import re
from itertools import pairwise

LEXICON: dict[str, tuple[str, ...]] = {
    "alone": ("alone", "by yourself", "by urself", "on your own", "anyone else", "anybody else",
              "nobody home", "no one home", "alleen", "in je eentje", "niemand thuis",
              "iemand anders", "niemand anders"),
    "home": ("home", "house", "your place", "your room", "thuis", "huis", "je kamer"),
    "now": ("right now", "now", "tonight", "later", "nu", "vanavond", "straks"),
    "parents": ("parents", "parent", "mom", "mum", "mother", "dad", "father", "family",
                "ouders", "moeder", "mama", "mam", "vader", "papa", "pap", "familie"),
    "dont-tell": ("dont tell", "do not tell", "dont say", "not tell", "wont tell", "keep it",
                  "between us", "our secret", "secret", "tell no one", "tell nobody",
                  "zeg niks", "zeg niets", "niks zeggen", "niets zeggen", "niet vertellen",
                  "onder ons", "ons geheim", "geheim", "niemand hoeft", "vertel niemand"),
    "delete": ("delete", "erase", "remove", "clear the chat", "clear chat", "wipe",
               "verwijder", "verwijderen", "wissen", "wis"),
    "check-phone": ("check your phone", "look at your phone", "read your messages",
                    "see your messages", "kijken op je telefoon", "je berichten lezen",
                    "controleren"),
    "private-app": ("snap", "snapchat", "whatsapp", "whats app", "telegram", "kik", "signal",
                    "discord", "insta", "instagram", "dm", "dms", "private chat", "privé",
                    "prive", "another app", "other app", "andere app", "wickr", "wire",
                    "number", "nummer", "06"),
    "move-chat": ("add me", "text me", "message me", "talk on", "chat on", "move to",
                  "switch to", "continue on", "voeg me toe", "app me", "stuur me een bericht",
                  "verder op", "praten op"),
    "gift": ("robux", "vbucks", "v bucks", "gems", "coins", "skin", "skins", "gift", "gift card",
             "giftcard", "battle pass", "free", "present", "pay for", "buy you", "cadeau",
             "cadeaukaart", "gratis", "kopen", "betalen", "krijg je", "send you some",
             "stuur je"),
    "photo": ("photo", "pic", "pics", "picture", "selfie", "snapshot", "foto", "fotos",
              "plaatje"),
    "camera": ("cam", "camera", "webcam", "video call", "videocall", "facetime", "video chat",
               "videobellen", "beeldbellen", "facetimen"),
    "meet": ("meet", "meet up", "hang out", "see you in person", "in real life", "irl",
             "pick you up", "come over", "visit", "afspreken", "ophalen", "langskomen",
             "zien in het echt", "echt ontmoeten", "ontmoeten", "kom je"),
    "age": ("how old", "age", "what grade", "which grade", "what year", "hoe oud", "leeftijd",
            "welke klas", "in welke groep"),
    "location": ("where do you live", "where u live", "what school", "which school",
                 "your school", "address", "what street", "what town", "what city",
                 "waar woon", "welke school", "je school", "adres", "welke straat",
                 "welke stad", "welk dorp"),
    "routine": ("what time", "when do you get home", "when are you home", "after school",
                "hoe laat", "wanneer ben je thuis", "na school", "na schooltijd"),
    "mature": ("mature", "grown up", "older than", "smart for your age", "for your age",
               "not like other", "different from other", "volwassen", "ouder dan",
               "voor je leeftijd", "niet zoals andere", "anders dan andere"),
    "special": ("special", "only one", "understand you", "get you", "gets you", "nobody else",
                "no one else", "like i do", "speciaal", "de enige", "begrijpt je",
                "begrijp je", "snapt je", "zoals ik"),
    "they-dont-get-you": ("dont understand you", "dont get you", "dont care about you",
                          "too strict", "treat you like a kid", "snappen je niet",
                          "begrijpen je niet", "te streng", "behandelen je als een kind"),
    "favour": ("do something for me", "do me a favor", "do me a favour", "if i ask",
               "prove it", "would you do", "iets voor me doen", "als ik het vraag",
               "bewijs het", "zou je"),
    "guilt": ("if you cared", "after everything", "i thought you", "you owe", "ignore me",
              "ignoring me", "hurt me", "disappointed", "als je echt om me", "na alles",
              "ik dacht dat je", "je negeert", "teleurgesteld", "je bent me"),
    "mentor": ("big brother", "big sister", "like a brother", "like a sister", "mentor",
               "look out for you", "take care of you", "grote broer", "grote zus",
               "zorg voor je", "pas op je"),
    "trust": ("trust me", "you can trust", "vertrouw me", "vertrouw mij", "je kan me vertrouwen"),
}  # fmt: skip

_CONCEPT_OF = {
    tuple(form.split()): f"c:{name}" for name, forms in LEXICON.items() for form in forms
}
_SINGLE = {form[0]: concept for form, concept in _CONCEPT_OF.items() if len(form) == 1}
_BY_PAIR: dict[tuple[str, str], list[tuple[str, ...]]] = {}
for _form in _CONCEPT_OF:
    if len(_form) > 1:
        _BY_PAIR.setdefault((_form[0], _form[1]), []).append(_form)
_AGE = re.compile(r"(?<!\S)([89]|1[0-9]|[2-6][0-9])(?!\S)")
_DIGIT = re.compile(r"[0-9]")


def concepts(normalized: str) -> list[str]:
    """Concept tokens of every lexicon form found in one normalized message (overlaps allowed).

    Example:
        >>> concepts("im 14 too")
        ['c:age-minor']
    """
    tokens = normalized.split()
    found = [_SINGLE[token] for token in tokens if token in _SINGLE]
    for i, pair in enumerate(pairwise(tokens)):
        for form in _BY_PAIR.get(pair, ()):
            if tuple(tokens[i : i + len(form)]) == form:
                found.append(_CONCEPT_OF[form])
    if _DIGIT.search(normalized):
        found.extend(_age_concept(int(m.group(1))) for m in _AGE.finditer(normalized))
    return found


def _age_concept(number: int) -> str:
    return "c:age-minor" if number < 18 else "c:age-adult"
