"""Dutch slot values (lowercase chat spelling); the platform table holds per-platform words."""

SLOTS: dict[str, list[str]] = {
    "app": [
        "snap", "snapchat", "insta", "whatsapp", "telegram", "discord", "kik", "signal",
        "wickr", "threema", "line", "wechat", "viber", "wire",
    ],
    "work_app": [
        "teams", "zoom", "google meet", "classroom", "de clubapp", "spond", "smartschool",
        "magister", "de schoolapp",
    ],
    "game": [
        "fortnite", "minecraft", "roblox", "valorant", "rocket league", "fifa", "brawl stars",
        "apex", "overwatch", "among us", "fall guys", "clash royale", "rainbow six", "splatoon",
        "mario kart", "genshin", "stardew", "terraria",
    ],
    "city": [
        "utrecht", "zwolle", "amersfoort", "eindhoven", "almere", "leiden", "groningen",
        "breda", "tilburg", "haarlem", "arnhem", "den bosch",
    ],
    "place": [
        "het winkelcentrum", "het park", "de mac", "het station", "de bieb", "de bios",
        "het skatepark", "de bushalte", "de kiosk", "het zwembad", "de snackbar",
    ],
    "day": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
    "hour": ["3 uur", "4 uur", "half 5", "5 uur", "half 6", "6 uur", "7 uur", "kwart over 4"],
    "amount": ["100", "200", "400", "500", "800", "1000", "1200", "2000", "2500"],
    "subject": [
        "wiskunde", "engels", "nederlands", "geschiedenis", "aardrijkskunde", "frans", "duits",
        "biologie", "natuurkunde", "tekenen", "economie",
    ],
    "school_thing": [
        "werkstuk", "verslag", "boekverslag", "proefwerk", "project", "opstel", "practicum",
        "profielwerkstuk",
    ],
    "friend": [
        "daan", "sem", "lotte", "fleur", "noor", "bram", "jesse", "lieke", "milan", "sara",
        "thijs", "anouk",
    ],
    "kid": [
        "luuk", "emma", "finn", "julia", "levi", "tess", "mees", "sophie", "lucas", "zoë",
        "stijn", "yara",
    ],
    "adult": [
        "mark", "sandra", "peter", "monique", "erik", "linda", "jeroen", "ingrid", "rob",
        "marieke", "dennis", "esther",
    ],
    "surname": ["de vries", "jansen", "bakker", "visser", "smit", "de boer", "mulder", "bos"],
    "sib": ["zus", "broer", "zusje", "broertje"],
    "parent": ["je moeder", "je ma", "je vader", "je pa", "je ouders", "je mams"],
    "pa": ["mam", "pap", "mama", "papa"],
    "show": [
        "stranger things", "wednesday", "one piece", "de simpsons", "bluey", "naruto",
        "mrbeast", "enzoknol", "kalvijn", "het klokhuis",
    ],
    "music": [
        "taylor swift", "billie eilish", "snelle", "froukje", "frenna", "boef", "suzan & freek",
        "kris kross amsterdam", "bizzey", "son mieux",
    ],
    "pet": ["hond", "kat", "hamster", "schildpad", "cavia", "puppy", "papegaai", "goudvis"],
    "food": ["pizza", "pasta", "friet", "nuggets", "pannenkoeken", "tosti's", "kapsalon", "nasi"],
    "item": [
        "skin", "battle pass", "emote", "glider", "pet", "wrap", "speer", "crate", "bundel",
        "pickaxe", "trail", "badge", "auto",
    ],
    "rank": ["gold", "plat", "diamond", "champ", "silver", "bronze", "master", "elite"],
    "ingame_role": ["support", "tank", "healer", "sniper", "igl", "entry", "flex", "keeper"],
    "voice": ["vc", "party chat", "een call", "discord vc", "het spraakkanaal", "game chat"],
    "product": [
        "koptelefoon", "controller", "telefoonhoes", "fiets", "bureaulamp", "muis",
        "rugzak", "speaker", "oplader", "blender",
    ],
    "shop": ["marktplaats", "vinted", "bol", "2dehands", "de webshop", "facebook marketplace"],
    "drink": ["een drankje", "koffie", "een biertje", "een wijntje", "thee"],
    "worry": [
        "stress over school", "de ruzies thuis", "dat ze me buitensluiten", "de toetsweek",
        "me rot voelen", "het gedoe in de groepsapp", "verhuizen", "ruzie met vriendinnen",
    ],
    "event": [
        "toernooi", "kampioenschap", "clubkampioenschap", "event", "schaaktoernooi",
        "zwemevenement", "eindtoernooi",
    ],
    "club": [
        "voetbal", "hockey", "zwemtraining", "schaakclub", "het esportsteam", "debatclub",
        "korfbal", "basketbal",
    ],
    "club_teacher": ["de les", "wiskundeles", "engelse les", "het mentoruur", "biologieles"],
    "club_tutor": [
        "bijles", "de wiskundebijles", "de leesbegeleiding", "de huiswerkklas", "de taalbijles",
    ],
    "helpline": [
        "de kindertelefoon", "de hulplijn", "het jongerenwerk", "de chatdienst", "awel",
    ],
    "relative": ["tante", "oom", "neef", "nicht", "oma", "opa"],
}

PLATFORM_SLOTS: dict[str, dict[str, list[str]]] = {
    "social": {
        "spot": [
            "je post", "de comments", "je story", "die reel", "je laatste video", "de live",
            "je bio", "de groepsapp",
        ],
        "currency": [
            "coins", "sterren", "cadeaukaart tegoed", "tiktok coins", "diamonds", "gems",
            "credits", "punten",
        ],
        "thing": ["post", "story", "reel", "video", "edit", "vlog", "playlist", "carrousel"],
        "hangout": ["een live", "een call", "een duet", "een collab", "een story", "een stream"],
    },
    "gaming": {
        "spot": [
            "de lobby", "ranked", "die laatste match", "de server", "party finder", "squads",
            "de toernooilobby", "quick play",
        ],
        "currency": [
            "robux", "v-bucks", "gems", "coins", "vp", "apex coins", "fifa points", "minecoins",
            "diamonds", "credits",
        ],
        "thing": ["clip", "montage", "build", "loadout", "base", "highlight", "stream", "map"],
        "hangout": ["een potje", "ranked", "een 1v1", "duo's", "een custom game", "creative"],
    },
    "metaverse": {
        "spot": [
            "de hub", "het plein", "die partyroom", "de lobbywereld", "de muziekwereld",
            "de hangout wereld", "het event", "de roleplay server",
        ],
        "currency": [
            "robux", "tokens", "credits", "gems", "coins", "bux", "tickets", "kristallen",
        ],
        "thing": ["avatar", "wereld", "build", "kamer", "villa", "hangout", "hangplek", "map"],
        "hangout": [
            "mijn wereld", "een private server", "mijn huis", "een privé kamer", "mijn eiland",
            "de dakterras wereld",
        ],
    },
}
