"""English slot values (lowercase chat spelling); the platform table holds per-platform words."""

SLOTS: dict[str, list[str]] = {
    "app": [
        "snap", "snapchat", "insta", "whatsapp", "telegram", "discord", "kik", "signal",
        "wickr", "threema", "line", "wechat", "viber", "wire",
    ],
    "work_app": [
        "teams", "zoom", "google meet", "google classroom", "the club app", "spond", "webex",
        "the school portal", "seesaw",
    ],
    "game": [
        "fortnite", "minecraft", "roblox", "valorant", "rocket league", "fifa", "brawl stars",
        "apex", "overwatch", "among us", "fall guys", "clash royale", "rainbow six", "splatoon",
        "mario kart", "genshin", "stardew", "terraria",
    ],
    "city": [
        "leeds", "bristol", "manchester", "birmingham", "cardiff", "york", "brighton", "norwich",
        "glasgow", "nottingham", "reading", "dublin",
    ],
    "place": [
        "the mall", "the park", "mcdonalds", "the station", "the library", "the cinema",
        "the skatepark", "the bus stop", "starbucks", "the arcade", "the leisure centre",
    ],
    "day": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "hour": ["3", "4", "half 4", "5", "half 5", "6", "7", "3:30", "4:15"],
    "amount": ["100", "200", "400", "500", "800", "1000", "1200", "2000", "2500"],
    "subject": [
        "maths", "english", "science", "history", "geography", "french", "art", "music",
        "spanish", "biology", "computing",
    ],
    "school_thing": [
        "test", "homework", "project", "essay", "presentation", "quiz", "book report",
        "worksheet",
    ],
    "friend": [
        "sam", "alex", "jordan", "maya", "leo", "ella", "finn", "ruby", "noah", "isla", "kai",
        "zara",
    ],
    "kid": [
        "jamie", "lily", "max", "chloe", "ben", "amelia", "oscar", "grace", "toby", "evie",
        "harry", "freya",
    ],
    "adult": [
        "mark", "sarah", "dave", "karen", "steve", "lisa", "paul", "emma", "chris", "julie",
        "rob", "helen",
    ],
    "surname": ["smith", "jones", "taylor", "brown", "wilson", "evans", "walker", "hughes"],
    "sib": ["sister", "brother", "little sister", "little brother"],
    "parent": ["ur mom", "ur mum", "ur dad", "ur parents", "your mom", "your parents"],
    "pa": ["mom", "dad", "mum"],
    "show": [
        "stranger things", "wednesday", "one piece", "the simpsons", "bluey", "naruto",
        "mrbeast", "dude perfect", "sidemen", "heartstopper",
    ],
    "music": [
        "taylor swift", "billie eilish", "drake", "olivia rodrigo", "ed sheeran", "dua lipa",
        "travis scott", "central cee", "sza", "the weeknd",
    ],
    "pet": ["dog", "cat", "hamster", "rabbit", "guinea pig", "puppy", "parrot", "fish"],
    "food": ["pizza", "pasta", "tacos", "nuggets", "burgers", "chips", "noodles", "curry"],
    "item": [
        "skin", "battle pass", "emote", "glider", "pet", "wrap", "sword", "crate", "bundle",
        "pickaxe", "trail", "badge", "car",
    ],
    "rank": ["gold", "plat", "diamond", "champ", "silver", "bronze", "master", "elite"],
    "ingame_role": ["support", "tank", "healer", "sniper", "igl", "entry", "flex", "goalie"],
    "voice": ["vc", "party chat", "a call", "discord vc", "the voice channel", "game chat"],
    "product": [
        "headset", "controller", "phone case", "bike", "desk lamp", "keyboard", "backpack",
        "speaker", "charger", "blender",
    ],
    "shop": ["ebay", "vinted", "marketplace", "depop", "gumtree", "the online shop"],
    "drink": ["a drink", "coffee", "a pint", "a glass of wine", "tea"],
    "worry": [
        "school stress", "the fights at home", "being left out", "the exams", "feeling down",
        "the group chat drama", "moving schools", "falling out with friends",
    ],
    "event": ["tournament", "match", "away game", "competition", "final", "gala", "meet"],
    "club": [
        "football", "netball", "swim practice", "chess club", "the esports team",
        "debate club", "hockey", "basketball",
    ],
    "club_teacher": ["class", "maths class", "english class", "form time", "science class"],
    "club_tutor": [
        "tutoring", "our maths session", "reading lessons", "our french lesson", "homework club",
    ],
    "helpline": ["childline", "the helpline", "the youth service", "kooth", "the chat service"],
    "relative": ["auntie", "uncle", "cousin", "grandma", "grandad"],
}

PLATFORM_SLOTS: dict[str, dict[str, list[str]]] = {
    "social": {
        "spot": [
            "ur post", "the comments", "ur story", "that reel", "ur last video", "the live",
            "ur bio", "the group chat",
        ],
        "currency": [
            "coins", "stars", "gift card money", "tiktok coins", "diamonds", "gems", "credits",
            "points",
        ],
        "thing": ["post", "story", "reel", "video", "edit", "vlog", "playlist", "profile"],
        "hangout": ["a live", "a call", "a duet", "a collab", "a story takeover", "a stream"],
    },
    "gaming": {
        "spot": [
            "the lobby", "ranked", "that last match", "the server", "party finder", "squads",
            "the tournament lobby", "quick play",
        ],
        "currency": [
            "robux", "v-bucks", "gems", "coins", "vp", "apex coins", "fifa points", "minecoins",
            "diamonds", "credits",
        ],
        "thing": ["clip", "montage", "build", "loadout", "base", "highlight", "stream", "map"],
        "hangout": ["a match", "ranked", "a 1v1", "duos", "a custom game", "creative", "a raid"],
    },
    "metaverse": {
        "spot": [
            "the hub", "the plaza", "that party room", "the lobby world", "the music world",
            "the hangout world", "the event", "the roleplay server",
        ],
        "currency": [
            "robux", "tokens", "credits", "gems", "coins", "bux", "tickets", "crystals",
        ],
        "thing": ["avatar", "world", "build", "room", "house", "island", "hangout spot", "map"],
        "hangout": [
            "my world", "a private server", "my house", "a private room", "my island",
            "the rooftop world",
        ],
    },
}
