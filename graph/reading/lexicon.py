"""The words the rules read, in one place: kinds of polity, offices, missions, agreements and
events, and the words that hedge, negate or break a clause.

Everything here is vocabulary of English, never of one document. A rule takes its words from
this module (or from the gazetteer's reference data), so that adding a word adds it for every
rule that reads that kind of thing.
"""

import re

from ..vocab import DKG

# ---- Polities -------------------------------------------------------------------------------

# The gazetteer's kinds of entity that govern people: a subdivision or a sovereign state, in
# the order a place's parent is looked up in.
POLITY_KIND_ORDER = ("region", "province", "territory", "us-state", "community", "state")
POLITY_KINDS = frozenset(POLITY_KIND_ORDER)
STATE_KINDS = frozenset({"state"})
SUBDIVISION_KINDS = POLITY_KINDS - STATE_KINDS
# The subdivisions the reference data lists country by country (communities have a table of
# their own).
LISTED_SUBDIVISION_KINDS = SUBDIVISION_KINDS - {"community"}
PLACE_KINDS = POLITY_KINDS | {"city"}
ORGANISATION_KINDS = frozenset({"organisation"})
# Who acts in its own name (takes part, signs, holds posts): a polity or an organisation.
ACTOR_KINDS = POLITY_KINDS | ORGANISATION_KINDS
# Places whose names also name people: a town's name in a name ("Martin Fraser", "under Busia").
NAMESAKE_KINDS = LISTED_SUBDIVISION_KINDS | {"city"}
# Places a mission phrase may name as its seat (a province may be read for its chief city).
MISSION_PLACE_KINDS = frozenset({"city", "state", "province", "region"})

# Words that say what kind of place a name is: "Quebec City", "the province of Quebec".
PLACE_TYPE_WORDS = frozenset({
    "region", "province", "state", "territory", "canton", "county", "prefecture", "department",
    "district", "governorate", "oblast", "voivodeship", "land",
})  # fmt: skip

# The head nouns of the names of bodies that states (or governments) make up: a name ending in
# one names an international organisation ("the Pacific Islands Forum", "the Nordic Council").
INTERNATIONAL_HEADS = (
    "Council|Forum|Community|Union|Organization|Organisation|Association|Partnership"
    "|Alliance|Group|Dialogue|Conference|Area|Bloc|Initiative|Commonwealth|League|Pact"
    "|Cooperation|Co-operation|Network|Coalition|Agency|Commission|Assembly"
)
# Words that make a recognised name a body of states: "Countries", "Nations", "States".
INTERNATIONAL_WORDS = r"International|Nations|Countries|States|Governments|Intergovernmental"

# ---- Offices --------------------------------------------------------------------------------

# Office words (lower case, singular) and the class and title of the post they name. A title
# names a post of a state ("Prime Minister of Japan"), of a body ("Speaker of the House of
# Representatives") or, where the text says neither, of no one in particular ("President").
OFFICES = {
    "prime minister": (DKG.HeadOfGovernment, "Prime Minister"),
    "deputy prime minister": (DKG.Role, "Deputy Prime Minister"),
    "premier": (DKG.HeadOfGovernment, "Premier"),
    "chancellor": (DKG.HeadOfGovernment, "Chancellor"),
    "chancellor of the duchy of lancaster": (DKG.Role, "Chancellor of the Duchy of Lancaster"),
    "president of the government": (DKG.HeadOfGovernment, "President of the Government"),
    "head of government": (DKG.HeadOfGovernment, "Head of Government"),
    "head of state": (DKG.HeadOfState, "Head of State"),
    "first minister": (DKG.HeadOfGovernment, "First Minister"),
    "chief minister": (DKG.HeadOfGovernment, "Chief Minister"),
    "minister president": (DKG.HeadOfGovernment, "Minister-President"),
    "taoiseach": (DKG.HeadOfGovernment, "Taoiseach"),
    "tanaiste": (DKG.Role, "Tánaiste"),
    # No class for a vice president: a post of the state, not its head.
    "vice president": (DKG.Role, "Vice President"),
    "president": (DKG.HeadOfState, "President"),
    "king": (DKG.Monarch, "King"),
    "queen": (DKG.Monarch, "Queen"),
    "emperor": (DKG.Monarch, "Emperor"),
    "empress": (DKG.Monarch, "Empress"),
    "monarch": (DKG.Monarch, "Monarch"),
    "sultan": (DKG.Monarch, "Sultan"),
    "emir": (DKG.Monarch, "Emir"),
    "grand duke": (DKG.Monarch, "Grand Duke"),
    "grand duchess": (DKG.Monarch, "Grand Duchess"),
    "crown prince": (DKG.Role, "Crown Prince"),
    "crown princess": (DKG.Role, "Crown Princess"),
    "pope": (DKG.HeadOfState, "Pope"),
    "governor general": (DKG.Role, "Governor General"),
    "military governor": (DKG.Role, "Military Governor"),
    "governor": (DKG.Role, "Governor"),
    "mayor": (DKG.Role, "Mayor"),
    "speaker": (DKG.Role, "Speaker"),
    "secretary general": (DKG.Role, "Secretary-General"),
    "director general": (DKG.Role, "Director-General"),
    "high representative": (DKG.Role, "High Representative"),
    "chairman": (DKG.Role, "Chairman"),
    "chairwoman": (DKG.Role, "Chairwoman"),
    "chairperson": (DKG.Role, "Chairperson"),
    "secretary of state": (DKG.Role, "Secretary of State"),
    "foreign secretary": (DKG.Role, "Foreign Secretary"),
    "foreign minister": (DKG.Role, "Foreign Minister"),
    "minister": (DKG.Role, "Minister"),
    "senator": (DKG.Role, "Senator"),
    "commissioner": (DKG.Role, "Commissioner"),
    "head": (DKG.Role, "Head"),
    "ambassador": (DKG.Envoy, "Ambassador"),
    "envoy": (DKG.Envoy, "Envoy"),
    "high commissioner": (DKG.Envoy, "High Commissioner"),
    "permanent representative": (DKG.Envoy, "Permanent Representative"),
    "special representative": (DKG.Envoy, "Special Representative"),
    "nuncio": (DKG.Envoy, "Nuncio"),
    "charge d'affaires": (DKG.Envoy, "Chargé d'affaires"),
    "consul general": (DKG.Consul, "Consul General"),
    "honorary consul": (DKG.HonoraryConsul, "Honorary Consul"),
    "consul": (DKG.Consul, "Consul"),
    "missionary": (DKG.Missionary, "Missionary"),
    "agent": (DKG.GovernmentAgent, "Agent"),
}
# Offices whose words name an office only when capitalised: "the first minister to visit" is no
# office, "First Minister" is.
CAPITALISED_OFFICES = frozenset({"first minister", "chief minister", "speaker", "head", "governor",
                                 "premier"})  # fmt: skip
# Posts held by one person at a time: their IRI names no holder (identity.role).
SINGLE_HOLDER = frozenset({DKG.HeadOfGovernment, DKG.HeadOfState, DKG.Monarch, DKG.Role})
# Posts of no finer class that a state gives many people at once: their IRI names the holder.
MANY_HOLDERS = frozenset({"minister", "senator", "commissioner", "governor", "mayor", "head"})
# Offices whose title alone names the state: the Taoiseach is Ireland's head of government.
OFFICE_STATES = {"taoiseach": "ireland", "tanaiste": "ireland",
                 "chancellor of the duchy of lancaster": "united-kingdom"}  # fmt: skip
# Offices whose title says of what with "of <body>": "Speaker of the House of Representatives".
OF_A_BODY = frozenset({"president", "vice president", "speaker", "head", "chancellor", "governor",
                       "military governor", "secretary general", "commissioner", "director general",
                       "chairman", "chairwoman", "chairperson"})  # fmt: skip
# Offices whose title says what with "of|for <portfolio>": "Minister for Foreign Affairs".
OF_A_PORTFOLIO = frozenset({"minister", "deputy prime minister"})
# The portfolios that make "X Minister" a post: "Finance Minister", "Defence Minister".
PORTFOLIOS = (
    "foreign affairs|foreign|finance|defen[cs]e|trade|interior|home|justice|health|education"
    "|economy|economic affairs|energy|agriculture|environment|transport|labou?r|culture"
    "|tourism|industry|development|foreign trade|european affairs|information|planning"
)
# Words that end a portfolio or a body written right before a name ("Minister of Foreign Affairs
# Ben Bot", "Speaker of the House Nancy Pelosi"); after another word the name's start is unsure.
COMPLEMENT_ENDS = frozenset({
    "affairs", "trade", "finance", "defence", "defense", "interior", "justice", "health",
    "education", "economy", "energy", "agriculture", "environment", "transport", "labour",
    "labor", "culture", "tourism", "industry", "development", "information", "planning",
    "cooperation", "security", "commerce", "investment", "fisheries", "communications", "house",
    "senate", "assembly", "parliament", "representatives", "commons", "lords", "council",
    "commission", "government", "republic", "union", "state", "states", "court", "bank",
    "committee", "treasury",
})  # fmt: skip
# Portfolios that make two wordings one post: "Minister of Foreign Affairs" is "Foreign Minister".
SAME_PORTFOLIO = {"foreign affairs": "foreign minister", "foreign": "foreign minister"}
# Words before a title that make it another, lesser post: "Deputy Foreign Minister".
TITLE_RANKS = "deputy|vice|assistant|under|junior|shadow"
# Words before a title that say when the post was held, not which: "former", "then-President".
TITLE_TIMES = "former|then|now|outgoing|incoming|current|acting|interim|late|sitting|serving"
# Titles and honorifics that say a person is a man or a woman: "Mrs Starmer" is not "Sir Keir
# Starmer".
MALE_TITLES = r"Mr|Sir|Lord|King|Prince|Emperor|Sultan|Emir|Grand Duke|Crown Prince|Father"
FEMALE_TITLES = r"Mrs|Ms|Miss|Dame|Lady|Queen|Princess|Empress|Grand Duchess|Crown Princess|Sister"
# Words that mark a name as a person's without naming a post: "Mr Abe", "Lt. Col. Gowon".
HONORIFICS = (
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Cardinal|Archbishop|Bishop|Father"
    r"|Sheikh|Sheikha|Prince|Princess|Lt|Lieut|Lieutenant|Gen|General|Col|Colonel|Maj|Major"
    r"|Capt|Captain|Cmdr|Commander|Adm|Admiral|Brig|Brigadier|Marshal|Field Marshal|Sgt"
    r"|Sergeant|Rev|Reverend|Saint|Imam|Rabbi"
)
# Titles written before "of <state>" that name a post of that state, longest first ("Vice
# President" before "President"): discourse.heads_of() reads "the King of Norway" as Norway's.
TITLES_BEFORE_NAMES = (
    "Vice President|Vice-President|President|Deputy Prime Minister|Prime Minister|Premier"
    "|Foreign Minister|Minister(?: of(?: the)? [A-Z][a-z]+(?: (?:and|of) [A-Z][a-z]+)*)?"
    "|Chancellor|Crown Princess|Crown Prince|Grand Duchess|Grand Duke|Princess|Prince|Queen"
    "|King|Emperor|Empress|Governor General|Secretary of State|Ambassador|Mayor|Senator"
)

# ---- Dates and numbers ----------------------------------------------------------------------

# Month names are capitalised so that "may" or "march" as verbs are not months; abbreviations
# other than the whole name ("May") may end with a full stop ("Aug.").
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                       "Nov", "Dec")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Numbers written in words, in order: "one" is CARDINAL_WORDS[0]; Roman numerals name months
# ("16-XII-1998") and the numbers of recurring events ("World War II").
CARDINAL_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                  "eighteen", "nineteen")  # fmt: skip
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                 "sixteenth", "seventeenth", "eighteenth", "nineteenth")  # fmt: skip
ROMAN_NUMERALS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")

# ---- Diplomatic missions ---------------------------------------------------------------------

# Mission types, longest first so that "consulates general" is not read as "consulates".
MISSION_TYPES = (
    ("general_delegation", r"d[e\u00e9]l[e\u00e9]gations?\s+g[e\u00e9]n[e\u00e9]rales?"
     r"|general\s+delegations?"),
    ("trade_office", r"(?:economic\s+and\s+)?trade\s+(?:offices?|representations?)"
     r"|economic\s+and\s+trade\s+representatives"),
    ("honorary_consulate", r"honorary\s+consul(?:ate)?s?(?:[-\s]generals?)?"),
    ("consulate_general", r"consulates?[-\s]generals?"),
    ("consulate", r"consulates?"),
    ("high_commission", r"high\s+commissions?"),
    ("embassy", r"embass(?:y|ies)"),
    ("legation", r"legations?"),  # a mission of a rank below an embassy's, now rare
    ("permanent_mission", r"permanent\s+(?:missions?|delegations?|representations?)"),
    ("delegation", r"(?:joint\s+)?(?:delegations?|representations?)"),
    ("mission", r"missions?"),
    ("office", r"offices?"),
)  # fmt: skip
# One-word nouns of a mission, as the parse gives them: "closed its embassies".
MISSION_NOUNS = (
    r"embass(?:y|ies)|consulates?|legations?|missions?|commissions?|delegations?|offices?"
)
# Words before "mission" that make it a journey of business: "a trade mission to Chile".
TRADE_MISSION_WORDS = frozenset({"trade", "economic", "business", "commercial", "princely",
                                 "royal", "investment", "export"})  # fmt: skip
# Words before "mission" or "delegation" that make it a journey or a team, not a post.
NOT_A_POST = TRADE_MISSION_WORDS | {
    "military", "peacekeeping", "fact-finding", "rescue", "space", "parliamentary", "ministerial",
    "official", "diplomatic", "regional", "observation", "election", "monitoring", "cultural",
    "scientific", "academic", "religious",
}  # fmt: skip

# ---- Agreements -----------------------------------------------------------------------------

# The nouns that name an agreement, and the kind each says, most specific first.
AGREEMENT_NOUN = (
    r"joint\s+(?:[a-z]+\s+)?(?:declarations?|statements?|communiqu[e\u00e9]s?)"
    r"|memorand(?:um|a)(?:\s+of\s+understanding)?|conventions?|treat(?:y|ies)|agreements?"
    r"|accords?|protocols?|pacts?|arrangements?"
)
AGREEMENT_KINDS = (
    ("joint", DKG.JointDeclaration, "Joint declaration"),
    ("declaration", DKG.JointDeclaration, "Declaration"),
    ("memorand", DKG.Memorandum, "Memorandum of understanding"),
    ("convention", DKG.Convention, "Convention"),
    ("treat", DKG.Treaty, "Treaty"),
    ("pact", DKG.Treaty, "Pact"),
    ("", DKG.Agreement, "Agreement"),
)
# Capitalised nouns that end the title of an agreement ("the Treaty of Aachen", "the Good
# Friday Agreement", "the Brasilia Declaration"); "Act" only as "Act of <Place>", "Statement"
# and "Communique" only after "Joint".
AGREEMENT_TITLE_NOUN = (
    r"Treat(?:y|ies)|Agreements?|Conventions?|Declarations?|Memorand(?:um|a)|Accords?"
    r"|Protocols?|Pacts?|Arrangements?|Charter|Act|Statement|Communiqu[e\u00e9]"
)
# Words of a title that say no more than its kind: "Bilateral Treaties and Agreements" names
# a category, "a Joint Declaration" no particular one.
AGREEMENT_GENERIC = frozenset({"Bilateral", "Joint", "New", "Final", "Other", "Various"})
# Words before a title that make it a new instance of one named before: "a second Water
# Agreement", "an updated Joint Declaration".
AGREEMENT_NEW = frozenset({"second", "third", "fourth", "new", "updated", "revised", "amended",
                           "another", "renewed"})  # fmt: skip
# Verbs whose subject signs what they govern ("signed", "concluded", "adopted"), and those
# that say it came into force.
AGREEMENT_SIGN_VERBS = frozenset({"sign", "conclude", "adopt", "reach", "initial", "ink",
                                  "issue", "agree", "countersign"})  # fmt: skip
# Verbs by which an agreement binds or links its parties ("commits the two governments",
# "linking A and B with C"); verbs of a relationship resting on agreements ("the relationship
# rests on ..."); verbs by which a treaty hands land over ("ceded Finland to Russia"); nouns
# whose "of" names an agreement signed ("the signatories of", "the signing of"); prepositions
# of the means an agreement is ("through the Brasilia Declaration").
AGREEMENT_COMMIT_VERBS = frozenset({"commit", "bind", "oblige", "link", "unite", "join"})
AGREEMENT_FRAME_VERBS = frozenset({"be", "rest", "build", "base", "include", "comprise",
                                   "underpin", "govern"})  # fmt: skip
AGREEMENT_CESSION_VERBS = frozenset({"cede", "transfer", "hand", "return"})
AGREEMENT_SIGNING_NOUNS = frozenset({"signatory", "party", "signing", "signature",
                                     "conclusion", "signer"})  # fmt: skip
AGREEMENT_MEANS = frozenset({"through", "by", "under", "via"})
# The first half of a compound of two peoples ("Franco-German", "Anglo-Irish"), and its state.
COMBINING_FORMS = {"Franco": "france", "Anglo": "united-kingdom", "Sino": "china",
                   "Russo": "russia", "Italo": "italy", "Austro": "austria", "Luso": "portugal",
                   "Hispano": "spain", "Nippo": "japan", "Greco": "greece", "Turco": "turkey",
                   "Polono": "poland", "Dano": "denmark", "Indo": "india"}  # fmt: skip

# ---- Events ---------------------------------------------------------------------------------

VISIT_KINDS = {DKG.Visit: "Visit", DKG.StateVisit: "State visit",
               DKG.OfficialVisit: "Official visit", DKG.TradeMission: "Trade mission"}  # fmt: skip
# Verbs whose clause is an event of a known kind; any other dated clause is a dkg:Event.
EVENT_VERBS = {
    "liberate": DKG.Liberation,
    "recognise": DKG.Recognition,
    "recognize": DKG.Recognition,
    "found": DKG.Founding,
    "meet": DKG.Meeting,
}
# Words before "members" that make them the founders of what they belong to; participles
# under an organisation that say when and where it was set up ("ASEAN, set up in Bangkok").
FOUNDING_WORDS = frozenset({"founding", "founder"})
FOUNDED_PARTICIPLES = frozenset({"found", "set", "establish", "create", "form"})
# Infinitives that say what parts joined to make: "joined B to form C".
FORMING_VERBS = frozenset({"form", "create", "found", "establish"})
# Head nouns of the names of polities: "the Federation of Malaya", "the Kingdom of Hawaii".
POLITY_HEADS = frozenset({
    "federation", "kingdom", "republic", "empire", "sultanate", "emirate", "principality",
    "duchy", "confederation", "khanate", "protectorate", "dominion",
})  # fmt: skip
# What a verb does to diplomatic relations (a verb, or a verb and its particle).
RELATION_CHANGES = {
    "establish": "establishment", "sever": "severance", "break off": "severance",
    "break": "severance", "cut": "severance", "cut off": "severance", "restore": "restoration",
    "resume": "restoration", "re-establish": "restoration", "reestablish": "restoration",
}  # fmt: skip
# Verbs by which a state's independence is stated, and the noun of the act if it is one.
INDEPENDENCE_VERBS = {
    "declare": "Declaration", "proclaim": "Proclamation", "win": None, "gain": None,
    "achieve": None, "obtain": None, "attain": None, "regain": None, "restore": None,
}  # fmt: skip
INDEPENDENCE_NOUNS = frozenset({"independence"})
# Nouns that name an event: "the summit in Oslo", "talks ... broke down", "the 1977 award".
EVENT_NOUNS = frozenset({
    "visit", "summit", "meeting", "talks", "conference", "retreat", "commemoration", "ceremony",
    "parade", "referendum", "plebiscite", "consultation", "election", "war", "battle", "raid",
    "attack", "invasion", "liberation", "award", "ruling", "judgment", "judgement", "negotiation",
    "session", "signing", "celebration", "funeral", "inauguration", "coronation", "forum",
    "dialogue", "exercise", "mission", "tour", "trip", "journey", "congress", "assembly",
})  # fmt: skip
# Nouns that name an event of their own (a noun also needs one of the words given before
# it: a "popular consultation" is a vote, "consultations" are meetings), and its class.
_VOTE = {"popular", "public", "national", "non-binding", "binding"}
NOMINAL_EVENTS = {
    "summit": (DKG.Meeting, None), "meeting": (DKG.Meeting, None),
    "talks": (DKG.Meeting, None), "conference": (DKG.Meeting, None),
    "retreat": (DKG.Meeting, None), "referendum": (DKG.Event, None),
    "referendums": (DKG.Event, None), "plebiscite": (DKG.Event, None),
    "consultation": (DKG.Event, _VOTE), "election": (DKG.Event, None),
    "raid": (DKG.Event, None), "attack": (DKG.Event, None), "bombing": (DKG.Event, None),
    "invasion": (DKG.Event, None), "coup": (DKG.Event, None), "award": (DKG.Event, None),
    "ruling": (DKG.Event, None), "judgment": (DKG.Event, None), "verdict": (DKG.Event, None),
    "ceremony": (DKG.Event, None), "commemoration": (DKG.Event, None),
    "parade": (DKG.Event, None), "coronation": (DKG.Event, None),
    "inauguration": (DKG.Event, None), "funeral": (DKG.Event, None),
}  # fmt: skip
# ---- Clauses and events: the words the readers of events take from the parse -------------

VISIT_NOUNS = frozenset({"visit", "trip"})
# Verbs by which someone makes a visit named by its noun: "paid a state visit".
VISIT_SUPPORT_VERBS = frozenset(
    {"make", "pay", "undertake", "conduct", "begin", "start", "complete"}
)
TRAVEL_VERBS = frozenset({"travel", "fly", "journey", "go", "come"})
# "went to Rome" says a visit only of someone the text names; a country "goes to the polls".
TRAVEL_OF_PEOPLE = frozenset({"go", "come"})
# Words before a visit or an event that say it did not happen (yet), or happens every year.
NOT_DONE = frozenset({
    "planned", "proposed", "upcoming", "future", "next", "possible", "cancelled", "canceled",
    "postponed", "expected", "scheduled", "intended", "envisaged", "potential", "annual",
    "regular",
})  # fmt: skip
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their"})
# Verbs whose object is an event their subject takes part in: "attended the summit".
ATTEND_VERBS = frozenset({
    "attend", "host", "hold", "chair", "co-chair", "cochair", "convene", "open", "join",
    "address", "organise", "organize",
})  # fmt: skip
# Verbs by which someone meets the person they govern: "join President X at Camp David".
MEETING_VERBS = frozenset({"join", "meet", "receive", "welcome", "greet", "host"})
# Participles and clauses under a noun that say when the event was: "held on", "which took
# place on"; "which ended on" gives its end.
HELD_VERBS = frozenset({"hold", "stage", "organise", "organize", "fight", "convene"})
ENDED_VERBS = frozenset({"end", "close", "conclude"})
RELATION_NOUNS = frozenset({"relation", "relations", "tie", "ties"})
# Nouns of a relationship between two states: "the relationship" is the pair's named last.
RELATIONSHIP_NOUNS = RELATION_NOUNS | {"relationship", "partnership"}
# Words before "relations" that make them other than diplomatic: "trade relations".
DIPLOMATIC_WORDS = frozenset({"diplomatic", "full", "formal", "bilateral", "official"})
# Words in the names of lakes, rivers, mountains and seas: such a name is no state's.
LANDFORMS = frozenset({
    "lake", "river", "mount", "mountains", "island", "islands", "sea", "bay", "gulf", "strait",
    "valley", "desert", "peninsula", "channel", "ocean", "coast", "cape", "falls",
})  # fmt: skip
NEW_STATE_NOUNS = frozenset({"state", "country", "republic", "nation", "kingdom"})
# Negation and doubt inside a clause: "no agreement was reached", "never ratified".
NEGATIVES = ("not", "n't", "no", "never", "neither", "nor", "without")
NEGATIVE_WORDS = frozenset(NEGATIVES)
# Conjunctions of a condition; "once" too where the parse marks a clause with it ("once
# ratified"), not in running text, where it is as often an adverb ("once had an embassy").
CONDITIONS = ("if", "unless", "whether")
CONDITION_WORDS = frozenset({*CONDITIONS, "once"})
# Prepositions that make a clause a state that lasted, not a thing that happened at a date.
DURATION_WORDS = frozenset({"until", "till", "since", "throughout"})
TIME_UNITS = frozenset({"year", "decade", "month", "week", "day", "century", "hour", "period"})
# Prepositions whose object takes part in what the verb says.
PARTY_PREPOSITIONS = frozenset({"with", "against", "between", "among", "to", "on"})
PLACE_PREPOSITIONS = frozenset({"in", "at"})
# What a subject pronoun stands for: a person named just before, or the pair named before.
PERSON_PRONOUNS = frozenset({"he", "she"})
PAIR_PRONOUNS = frozenset({"they", "both"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
# A clause marked as coming after the date of its entry does not happen at that date.
LATER_WORDS = frozenset(
    {"later", "afterwards", "subsequently", "eventually", "since", "then", "soon"}
)
# Verbs that state a lasting state, not something that happened at a date.

STATIVE_VERBS = frozenset({
    "be", "have", "remain", "belong", "include", "comprise", "consist", "contain", "lie", "seem",
    "own", "exist", "mean", "total", "number", "amount", "account", "maintain", "share", "know",
    "need", "require", "depend", "enjoy", "keep", "continue", "stay", "represent", "cover",
    "link", "live", "reside", "allow", "provide", "permit", "border", "date",
    # Figures rise and fall: the statistics' rules read those clauses.
    "grow", "rise", "fall", "increase", "decrease", "decline", "drop", "reach", "exceed",
    "double", "triple", "stand", "climb", "surpass", "shrink",
})  # fmt: skip
# Verbs that report what someone said or thought: what they report is not the text's own fact.
REPORTING_VERBS = frozenset({
    "say", "state", "announce", "tell", "claim", "argue", "protest", "report", "note", "add",
    "confirm", "deny", "insist", "warn", "believe", "think", "assert", "allege", "suggest",
    "complain", "stress", "explain", "declare", "write", "reply", "maintain", "hold",
})  # fmt: skip
# Verbs by which a mission is opened, closed or raised: the missions' rules read them.
MISSION_VERBS = frozenset({
    "open", "reopen", "close", "establish", "set", "shut", "upgrade", "raise", "move",
    "relocate", "downgrade",
})  # fmt: skip
# Verbs by which an agreement is made or takes effect: the agreements' rules read them.

AGREEMENT_VERBS = frozenset({"sign", "ratify", "countersign", "initial"})
# Verbs that make an agreement when their object is one: "adopted a declaration".
AGREEMENT_OBJECT_VERBS = frozenset({"adopt", "conclude", "reach", "approve", "endorse"})
# Verbs that say something is wanted or expected, not done: "plans to visit", "is expected".
INTENTION_VERBS = frozenset({
    "plan", "intend", "hope", "expect", "consider", "seek", "aim", "wish", "want", "prepare",
    "envisage", "schedule",
})  # fmt: skip

# ---- Hedges, negation, modality, clause breaks ----------------------------------------------

# Words that say something did not, may or will happen, or failed: a clause with one of them
# states no fact. "no more than" and its kin qualify a figure and negate nothing.
NEGATION = "|".join(word.replace("'", "['\u2019]") for word in NEGATIVES)  # "n't", "n\u2019t"
MODAL_VERBS = ("would", "could", "might", "will", "shall", "should", "can")
MODALITY = "|".join(MODAL_VERBS)
# Modal auxiliaries in the parse: these, "may" and "must" (over text, HEDGE reads "may" in
# lower case only: "May" is also a month).
MODAL_AUXILIARIES = frozenset(MODAL_VERBS) | {"may", "must"}
INTENTION = (
    r"plan|plans|planned|planning|intends?|intended|propos(?:e|es|ed|al)|possible|possibly"
    r"|potential|hopes?|hoped|expects?|expected|consider(?:s|ed|ing)?|seeks?|sought|aims?"
    r"|wish(?:es|ed)?|wants?|wanted|prepar(?:e|es|ed|ing)"
)
FAILURE = (
    r"cancel+ed|cancel+ation|postponed|called\s+off|fail(?:s|ed)?|refuse[sd]?|reject(?:s|ed)?"
    r"|negotiat\w*|talks|draft|future|upcoming|candidate|applied|applies|apply|bid|observer"
    r"|non|former(?:ly)?|left|withdr[ae]w\w*|suspend\w*|broke|broken|sever\w*|until"
    r"|cut\s+(?:off\s+)?(?:[\w-]+\s+){0,2}?(?:ties|relations)"  # "cut its diplomatic ties"
)
HEDGE = re.compile(rf"\b(?:(?i:{NEGATION}|{MODALITY}|{INTENTION}|{FAILURE})|may)\b")
NOT_A_HEDGE = re.compile(r"\b(?:no|not)\s+(?:more|fewer|less)\s+than\b|\bnot\s+only\b", re.I)
# Before a mission: "has no embassy", "plans to open", "would open", "if".
NOT_STATED = re.compile(
    rf"\b(?:{NEGATION}|{MODALITY}|plans?|planned|planning|intends?|intended|intending"
    r"|propos(?:es|ed|ing)|consider(?:s|ed|ing)|hopes?|hoped|wants?|wanted|wish(?:es|ed)?"
    rf"|expects?|expected|aims?|{'|'.join(CONDITIONS)}|may)\b",
    re.I,
)
# After a mission: "is planned", "is being considered".
NOT_STATED_AFTER = re.compile(
    r"\s*,?\s*(?:is|are|was|were)\s+(?:(?:still|now|only)\s+)?(?:planned|proposed|envisaged"
    r"|expected|being\s+considered|under\s+consideration|to\s+be\s+opened)\b",
    re.I,
)
# Read over the parse: verbs above a phrase that say it is intended, required or refused, not
# done ("plans to sign", "requires investors to invest", "pledged EUR 500 million"); words
# that make a thing tentative ("a possible treaty") and nouns it may hang from ("negotiations
# on an agreement").
INTENTION_HEADS = frozenset({"plan", "hope", "intend", "expect", "want", "aim", "seek", "wish",
                             "propose", "prepare", "try", "attempt", "fail", "refuse",
                             "decline", "consider", "require", "oblige", "pledge", "promise",
                             "offer"})  # fmt: skip
TENTATIVE = frozenset({"draft", "proposed", "possible", "planned", "future", "potential",
                       "prospective"})  # fmt: skip
TENTATIVE_HEADS = frozenset({"negotiation", "talk", "draft", "proposal", "plan", "discussion",
                             "consultation", "bid"})  # fmt: skip
# Conjunctions that open a clause of its own, with its own subject (clauses.py parts clauses).
CONTRAST = r"while|whereas|but|although|though"
# Adverbs that may close a clause after its verb: "was closed for good.", "opened too,".
CLOSING_ADVERBS = r"as\s+well|too|also|again|permanently|for\s+good"
