"""The words the rules read, in one place: kinds of polity, offices, missions, agreements and
events, and the words that hedge, negate or break a clause.

Everything here is vocabulary of English, never of one document. A rule takes its words from
this module (or from the gazetteer's reference data), so that adding a word adds it for every
rule that reads that kind of thing.
"""

import re

from .vocab import DKG

# ---- Polities -------------------------------------------------------------------------------

# The gazetteer's kinds of entity that govern people: a sovereign state or a subdivision.
POLITY_KINDS = frozenset({"state", "region", "province", "territory", "us-state", "community"})
SUBDIVISION_KINDS = POLITY_KINDS - {"state"}
PLACE_KINDS = POLITY_KINDS | {"city"}

# ---- Offices --------------------------------------------------------------------------------

# Office words (lower case, singular) and the class and title of the post they name.
OFFICES = {
    "prime minister": (DKG.HeadOfGovernment, "Prime Minister"),
    "premier": (DKG.HeadOfGovernment, "Premier"),
    "chancellor": (DKG.HeadOfGovernment, "Chancellor"),
    # No class for a vice president: a post of the state, not its head.
    "vice president": (DKG.Role, "Vice President"),
    "president": (DKG.HeadOfState, "President"),
    "king": (DKG.Monarch, "King"),
    "queen": (DKG.Monarch, "Queen"),
    "emperor": (DKG.Monarch, "Emperor"),
    "monarch": (DKG.Monarch, "Monarch"),
    "ambassador": (DKG.Envoy, "Ambassador"),
    "envoy": (DKG.Envoy, "Envoy"),
    "high commissioner": (DKG.Envoy, "High Commissioner"),
    "consul general": (DKG.Consul, "Consul General"),
    "honorary consul": (DKG.HonoraryConsul, "Honorary Consul"),
    "consul": (DKG.Consul, "Consul"),
    "missionary": (DKG.Missionary, "Missionary"),
    "agent": (DKG.GovernmentAgent, "Agent"),
}
# Posts held by one person at a time: their IRI names no holder (identity.role).
SINGLE_HOLDER = frozenset({DKG.HeadOfGovernment, DKG.HeadOfState, DKG.Monarch, DKG.Role})
# Titles written before a name that name a post of a state, longest first ("Vice President"
# before "President"); discourse.py finds people after them.
TITLES_BEFORE_NAMES = (
    "Vice President|Vice-President|President|Deputy Prime Minister|Prime Minister|Premier"
    "|Foreign Minister|Minister(?: of(?: the)? [A-Z][a-z]+(?: (?:and|of) [A-Z][a-z]+)*)?"
    "|Chancellor|Crown Princess|Crown Prince|Grand Duchess|Grand Duke|Princess|Prince|Queen"
    "|King|Emperor|Empress|Governor General|Secretary of State|Ambassador|Mayor|Senator"
)

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

# ---- Agreements -----------------------------------------------------------------------------

# The nouns that name an agreement, and the kind each says, most specific first.
AGREEMENT_NOUN = (
    r"joint\s+declarations?|memorand(?:um|a)(?:\s+of\s+understanding)?|conventions?"
    r"|treat(?:y|ies)|agreements?|accords?"
)
AGREEMENT_KINDS = (
    ("joint", DKG.JointDeclaration, "Joint declaration"),
    ("memorand", DKG.Memorandum, "Memorandum of understanding"),
    ("convention", DKG.Convention, "Convention"),
    ("treat", DKG.Treaty, "Treaty"),
    ("", DKG.Agreement, "Agreement"),
)

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
# Participles and clauses under a noun that say when the event was: "held on", "which took
# place on"; "which ended on" gives its end.
HELD_VERBS = frozenset({"hold", "stage", "organise", "organize", "fight", "convene"})
ENDED_VERBS = frozenset({"end", "close", "conclude"})
RELATION_NOUNS = frozenset({"relation", "relations", "tie", "ties"})
# Words before "relations" that make them other than diplomatic: "trade relations".
DIPLOMATIC_WORDS = frozenset({"diplomatic", "full", "formal", "bilateral", "official"})
NEW_STATE_NOUNS = frozenset({"state", "country", "republic", "nation", "kingdom"})
# Negation and doubt inside a clause: "no agreement was reached", "never ratified".
NEGATIVE_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
CONDITION_WORDS = frozenset({"if", "unless", "whether", "once"})
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
NEGATION = r"not|n['\u2019]t|no|never|neither|nor|without"
MODALITY = r"would|could|might|will|shall|should|can"
INTENTION = (
    r"plan|plans|planned|planning|intends?|intended|propos(?:e|es|ed|al)|possible|possibly"
    r"|potential|hopes?|hoped|expects?|expected|consider(?:s|ed|ing)?|seeks?|sought|aims?"
    r"|wish(?:es|ed)?|wants?|wanted|prepar(?:e|es|ed|ing)"
)
FAILURE = (
    r"cancel+ed|cancel+ation|postponed|called\s+off|fail(?:s|ed)?|refuse[sd]?|reject(?:s|ed)?"
    r"|negotiat\w*|talks|draft|future|upcoming|candidate|applied|applies|apply|bid|observer"
    r"|non|former(?:ly)?|left|withdr[ae]w\w*|suspend\w*|broke|broken|sever\w*|until"
)
HEDGE = re.compile(rf"\b(?:(?i:{NEGATION}|{MODALITY}|{INTENTION}|{FAILURE})|may)\b")
NOT_A_HEDGE = re.compile(r"\b(?:no|not)\s+(?:more|fewer|less)\s+than\b|\bnot\s+only\b", re.I)
# Before a mission: "has no embassy", "plans to open", "would open", "if".
NOT_STATED = re.compile(
    rf"\b(?:{NEGATION}|{MODALITY}|plans?|planned|planning|intends?|intended|intending"
    r"|propos(?:es|ed|ing)|consider(?:s|ed|ing)|hopes?|hoped|wants?|wanted|wish(?:es|ed)?"
    r"|expects?|expected|aims?|if|unless|whether|may)\b",
    re.I,
)
# After a mission: "is planned", "is being considered".
NOT_STATED_AFTER = re.compile(
    r"\s*,?\s*(?:is|are|was|were)\s+(?:(?:still|now|only)\s+)?(?:planned|proposed|envisaged"
    r"|expected|being\s+considered|under\s+consideration|to\s+be\s+opened)\b",
    re.I,
)
# Conjunctions that open a clause of its own, with its own subject.
CONTRAST = r"while|whereas|but|although|though"
# Where a sentence's clauses part: a semicolon, or a comma before a conjunction of contrast
# (the break takes the conjunction with it). A full stop inside a sentence ends an
# abbreviation ("e.g. X"), not a clause.
CLAUSE_BREAK = re.compile(rf";|,\s+(?:{CONTRAST})\b|\sbut\b")
# Where a new clause may begin, for a subject to stop reaching over it.
CLAUSE_BOUNDARY = re.compile(rf"[;:]|\b(?:{CONTRAST}|when)\b", re.I)
