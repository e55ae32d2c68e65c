"""English mirror prompts (label 0): benign look-alikes of every sign, answered like the signs.

Constraints: every prompt is one message of speaker 0 (a friend, or an elder: parent, sibling,
relative, coach, teacher, tutor, youth worker); the child's answer is drawn from the same reply
banks and with the same rates as an answer to the sign of that name, so replies, refusals,
apologies and giving in are never a class artifact. `peer` prompts fit friends of the same age,
`elder` prompts fit family and coaches, teachers and tutors alike; only peers slip on their age.
The prompts live in one module per relation.
"""

from simulations.synth.phrases_en_mirrors_elder import ELDER
from simulations.synth.phrases_en_mirrors_peer import PEER

MIRRORS: dict[str, dict[str, list[str]]] = {"peer": PEER, "elder": ELDER}
