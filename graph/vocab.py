"""Name the project's vocabulary: one closed namespace, checked against ontology/ by a test."""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")


class DKG(DefinedNamespace):
    """The diplokg ontology (ontology/diplokg.ttl); a misspelt term raises AttributeError."""

    _NS = Namespace("https://w3id.org/diplokg/ontology#")
    _fail = True

    # Classes: actors and places
    Actor: URIRef
    Place: URIRef
    Polity: URIRef
    SovereignState: URIRef
    SubnationalEntity: URIRef
    Region: URIRef
    Community: URIRef
    Province: URIRef
    Territory: URIRef
    USState: URIRef
    City: URIRef
    Organisation: URIRef
    InternationalOrganisation: URIRef
    Company: URIRef
    University: URIRef
    ResearchCentre: URIRef
    Association: URIRef
    GovernmentAgency: URIRef
    MilitaryUnit: URIRef
    Person: URIRef
    # Classes: missions
    DiplomaticMission: URIRef
    Embassy: URIRef
    HighCommission: URIRef
    Consulate: URIRef
    ConsulateGeneral: URIRef
    HonoraryConsulate: URIRef
    PermanentMission: URIRef
    SubnationalRepresentation: URIRef
    GeneralDelegation: URIRef
    EconomicAndTradeOffice: URIRef
    # Classes: agreements
    Agreement: URIRef
    Treaty: URIRef
    Convention: URIRef
    JointDeclaration: URIRef
    Memorandum: URIRef
    # Classes: events
    Event: URIRef
    War: URIRef
    Battle: URIRef
    Liberation: URIRef
    Visit: URIRef
    StateVisit: URIRef
    OfficialVisit: URIRef
    TradeMission: URIRef
    Meeting: URIRef
    PoliticalConsultation: URIRef
    EstablishmentOfDiplomaticRelations: URIRef
    Recognition: URIRef
    Founding: URIRef
    Merger: URIRef
    MilitaryDeployment: URIRef
    # Classes: roles
    Role: URIRef
    Envoy: URIRef
    Consul: URIRef
    HonoraryConsul: URIRef
    HeadOfGovernment: URIRef
    HeadOfState: URIRef
    Monarch: URIRef
    Missionary: URIRef
    GovernmentAgent: URIRef
    # Classes: statistics, sources, concepts
    Statistic: URIRef
    Measure: URIRef
    Qualifier: URIRef
    DatePrecision: URIRef
    SourceDocument: URIRef
    Evidence: URIRef
    Claim: URIRef
    WithdrawnClaim: URIRef
    DateValue: URIRef

    # Object properties
    sendingEntity: URIRef
    sendsMission: URIRef
    hostState: URIRef
    hostsMission: URIRef
    city: URIRef
    accreditedTo: URIRef
    memberOf: URIRef
    hasMember: URIRef
    diplomaticRelation: URIRef
    partOf: URIRef
    hasPart: URIRef
    locatedIn: URIRef
    country: URIRef
    capital: URIRef
    party: URIRef
    signatory: URIRef
    participant: URIRef
    visitor: URIRef
    visited: URIRef
    location: URIRef
    basedIn: URIRef
    foundedBy: URIRef
    mergedInto: URIRef
    affiliatedWith: URIRef
    holdsRole: URIRef
    roleHolder: URIRef
    roleIn: URIRef
    measure: URIRef
    qualifier: URIRef
    about: URIRef
    fromParty: URIRef
    toParty: URIRef
    figureOf: URIRef
    datePrecision: URIRef
    evidence: URIRef
    sentence: URIRef
    withdrawnFrom: URIRef
    claimedSubject: URIRef
    claimedPredicate: URIRef
    claimedObject: URIRef
    source: URIRef
    onBehalfOf: URIRef

    # Datatype properties
    opened: URIRef
    closed: URIRef
    partTime: URIRef
    signingDate: URIRef
    effectiveDate: URIRef
    topic: URIRef
    date: URIRef
    startDate: URIRef
    endDate: URIRef
    inception: URIRef
    dissolved: URIRef
    birthDate: URIRef
    deathDate: URIRef
    value: URIRef
    minValue: URIRef
    maxValue: URIRef
    unit: URIRef
    currency: URIRef
    period: URIRef
    rank: URIRef
    rankScope: URIRef
    quote: URIRef
    start: URIRef
    end: URIRef
    extractionRule: URIRef
    violation: URIRef
    curated: URIRef
    text: URIRef
    retrieved: URIRef
    sha256: URIRef
    wikidataPrecision: URIRef

    # Individuals (concept schemes)
    MeasureScheme: URIRef
    Trade: URIRef
    Exports: URIRef
    Imports: URIRef
    TradeBalance: URIRef
    Investment: URIRef
    Population: URIRef
    Diaspora: URIRef
    Employment: URIRef
    Subsidiaries: URIRef
    Share: URIRef
    Rank: URIRef
    Quota: URIRef
    Count: URIRef
    Funding: URIRef
    Length: URIRef
    QualifierScheme: URIRef
    Approximately: URIRef
    MoreThan: URIRef
    LessThan: URIRef
    JustOver: URIRef
    AtLeast: URIRef
    AtMost: URIRef
    Between: URIRef
    DatePrecisionScheme: URIRef
    PrecisionDay: URIRef
    PrecisionMonth: URIRef
    PrecisionYear: URIRef
    PrecisionDecade: URIRef
    PrecisionCentury: URIRef
