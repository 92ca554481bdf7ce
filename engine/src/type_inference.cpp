// Entry types read from an entry's words (docs/analyses.md, "Types read from the words").
//
// [SECTION] The table: cue words, in order, and the words around them
// [SECTION] Words: how a text is cut into words
// [SECTION] The compiled table: every phrase, found by its first word
// [SECTION] Reading a text
#include "sightline/engine/type_inference.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <vector>

#include "sightline/engine/model.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::engine {

namespace {

// [SECTION] The table: cue words, in order, and the words around them

// Why this order. A summary usually names several things: the contact, what it was for, what the
// family said had happened. The entry's type is the thing the record is the record *of*, and
// practitioners name that with the most specific words they have:
//  1. Failed contacts first: "DNA for 2 year check", "home visit, no reply" carry the words of the
//     contact that did not happen, and the missed-appointment pattern rests on them. (A meeting
//     takes place without the family: "Core group: mother did not attend" is a core group.)
//  2. Processes and notices called by their own names (strategy discussion, ICPC, core group,
//     MERLIN, a referral received), and an agency's own events in its own words (a police force's
//     "attended address", a hospital's "ED", a school's "exclusion", a housing provider's
//     "tenancy"): when a summary names one it is the record of it ("strategy discussion held
//     following a referral").
//  3. What the contact was and how it was made: home visit, office visit, phone call, letter,
//     meeting, GP consultation, clinic, immunisations, developmental reviews, antenatal booking,
//     registration, named assessments, closure, allocation, transfer. Here the first named decides:
//     "Home visit; 9-12 month review booked" is a home visit, "6-8 week check at home" a check.
//  4. An agency's ordinary words for its own contact: a GP's "seen" or "advised", a school's
//     "late", a police force's "attended" or "argument", a midwife's "appt", a relative's "says".
//  5. Events told of second hand: a police incident, an arrest, an A&E attendance, a move. A home
//     visit where mother says her partner was arrested is a home visit.
//  6. Injuries: most often noticed within some other contact (a GP's "bruise noted").
//  7. Single common words (visit, meeting, appointment, assessment, referral, letter, call).
// Within a tier the cue that comes first in the text decides (practitioners open with what
// happened: "Phoned mother; visit booked"), then the row that comes first (an agency's own rows
// come before the general ones). For the same reason a common word of tier 7 that is the first cue
// of the text, in its opening words, counts as tier 4: "SW3 visit to new address" is a visit, not
// a move. Words are read as the
// longest phrase they make: "did not attend school" is not "did not attend", "telephone
// consultation" not "telephone".
enum class Tier : std::uint8_t { Failed = 1, Named, Contact, AgencyWord, Event, Injury, Weak };

// A cue that counts only in some texts.
enum class When : std::uint8_t {
    Always,
    PoliceSaid,  // the agency is the police, or the text names the police ("police", "officers", "999")
    AtTheDoor,   // a visit was tried: the text speaks of a visit or a door, its sentence of no phone,
                 // letter or text, and nobody is said to have been seen
    NoMeeting,   // the text names no meeting: "Core group: mother did not attend" is a core group (a
                 // meeting takes place without the family; an appointment does not)
};

// Agency kinds a cue is restricted to (bit per kind); 0: any agency, known or not.
template <class... K>
constexpr std::uint32_t only(K... kinds) {
    return ((std::uint32_t{1} << static_cast<unsigned>(kinds)) | ...);
}
constexpr std::uint32_t k_every_kind = (std::uint32_t{1} << k_agency_kind_count) - 1;
constexpr std::uint32_t k_not_police = k_every_kind & ~only(AgencyKind::Police);

// One line of the table: phrases separated by '|', words by spaces, written as they are read
// (lowercase, apostrophes dropped: "didnt", "professionals meeting"; hyphens and slashes as
// spaces: "6 8 week check", "c o" for "c/o").
struct Row {
    std::string_view phrases;
    EntryType type;
    Tier tier;
    std::uint32_t kinds = 0;
    When when = When::Always;
};

using T = EntryType;
using A = AgencyKind;

// The priority order, most specific first (see "Why this order" above).
// clang-format off
constexpr Row k_rows[] = {
    // 1. Failed contacts.
    {"did not attend|didnt attend|not brought|failed to attend|non attendance|no show",
     T::SchoolAttendanceConcern, Tier::Failed, only(A::School, A::EarlyYears), When::NoMeeting},
    {"no access visit|unable to gain access|could not gain access|couldnt gain access|"
     "not able to gain access|failed to gain access|no answer at the door|no answer at door|"
     "no reply at the door|no reply at door|no response at the door|no answer at the address|no reply at the address|card left|calling card left|"
     "left a card|left a calling card|no one home|no one at home|nobody home|nobody at home|"
     "no one answered the door|nobody answered the door|no one answered|nobody answered",
     T::NoAccessVisit, Tier::Failed},
    {"no access|no reply|no answer|no response|not at home|not home|not in at the time", T::NoAccessVisit,
     Tier::Failed, 0, When::AtTheDoor},
    {"did not attend|didnt attend|dna|dnas|dnad|dnaed|was not brought|were not brought|not brought|wnb|"
     "failed to attend|failed to bring|did not bring|didnt bring|no show|non attendance|missed appointment|"
     "missed appointments|missed her appointment|missed his appointment|missed their appointment|"
     "missed the appointment|missed clinic|appointment not attended|not attended|appointment not kept|"
     "cancelled appointment|cancelled the appointment|appointment cancelled by",
     T::MissedAppointment, Tier::Failed, 0, When::NoMeeting},

    // 2. Processes and notices by their own names; an agency's own events in its own words.
    {"strategy discussion|strategy discussions|strategy meeting|strategy call|strategy|strat discussion|"
     "strat meeting",
     T::StrategyDiscussion, Tier::Named},
    {"family group conference|fgc", T::Meeting, Tier::Named},
    {"icpc|rcpc|child protection conference|initial child protection conference|"
     "review child protection conference|initial conference|review conference|case conference|cp conference|"
     "pre birth conference|transfer in conference|conference",
     T::Conference, Tier::Named},
    {"core group|core groups|cgm", T::CoreGroup, Tier::Named},
    {"merlin|merlins|ccn|ccns|ppn|ppns|pvp|child concern notification|police notification|"
     "vulnerable child form|notification",
     T::Notification, Tier::Named},
    {"referral received|referral from|referral made|referral sent|referral emailed|referral faxed|"
     "referral submitted|referral completed|referral phoned through|received a referral|made a referral|"
     "re referral|rereferral|contact and referral|referral form|irf|mash referral|referral to csc|"
     "referral to childrens social care|referral to social care|referral to mash|referred to csc|"
     "referred to childrens social care|referred to social care|referred to mash",
     T::Referral, Tier::Named},
    {"reported missing|missing person|misper|missing from home|missing from care|went missing",
     T::MissingEpisode, Tier::Named, only(A::Police)},
    {"arrested|arrest|in custody|interviewed under caution|voluntary interview", T::Arrest, Tier::Named,
     only(A::Police)},
    {"domestic incident|domestic abuse incident|domestic violence incident|da incident|dv incident|domestic|"
     "domestic abuse|domestic violence|incident|attended address|attended the address|attended the home|"
     "attended the property|officers attended|police attended|called to|call from|999 call|999|cad|crime|"
     "crime report|assault|assaulted|concern for welfare|welfare check|report of|disturbance|"
     "breach of the peace|harassment",
     T::PoliceIncident, Tier::Named, only(A::Police)},
    {"ed|a&e|a & e|emergency department|paediatric ed|ed attendance|a&e attendance|presented|self presented|"
     "brought in|brought to ed|triage|triaged|resus|casualty",
     T::HospitalAttendance, Tier::Named, only(A::Hospital)},
    {"admitted|admission|inpatient", T::Admission, Tier::Named, only(A::Hospital)},
    {"discharged|discharge", T::Discharge, Tier::Named, only(A::Hospital)},
    {"999|999 call|call out|callout|crew attended|crew on scene|on scene|conveyed", T::Contact, Tier::Named,
     only(A::Ambulance)},
    {"excluded|exclusion|exclusions|suspended|suspension|fixed term|fte|permanent exclusion", T::Exclusion,
     Tier::Named, only(A::School)},
    {"absent|absence|absences|unauthorised absence|persistent absence|persistently absent|attendance concern|"
     "attendance concerns|poor attendance|lateness|truancy|truanting|penalty notice|ewo|attendance officer",
     T::SchoolAttendanceConcern, Tier::Named, only(A::School, A::EarlyYears)},
    {"booking|booking appointment|scan|dating scan|anomaly scan|antenatal|anc", T::Antenatal, Tier::Named,
     only(A::Midwifery)},
    {"delivered|delivery|born|gave birth", T::Birth, Tier::Named, only(A::Midwifery)},
    {"tenancy|joint tenancy|rent arrears|arrears|eviction|evicted|notice to quit|possession|"
     "homeless application|homelessness application|temporary accommodation|section 21|housing register",
     T::Housing, Tier::Named, only(A::Housing)},

    // 3. What the contact was and how it was made.
    {"case closed|case closure|closed to|closure|closing summary|closure summary|no further action|nfa|"
     "case to close|stepped down|step down|discharged from caseload|discharged from the caseload|"
     "discharged from service|discharged from the service|discharged from health visiting",
     T::CaseClosed, Tier::Contact, k_not_police},
    {"case opened|opened to|opened for|opened as", T::CaseOpened, Tier::Contact},
    {"immunisation|immunisations|immunised|immunization|immunizations|immunized|vaccination|vaccinations|"
     "vaccinated|vaccine|vaccines|imms|mmr|booster|boosters|jabs",
     T::Immunisation, Tier::Contact},
    {"new birth visit|new birth review|new birth contact|primary visit|nbv|6 8 week check|6 8 week review|"
     "6 week check|8 week check|6 week review|week check|month review|month check|year review|year check|"
     "baby check|week baby check|developmental review|development review|developmental check|"
     "development check|developmental assessment|asq|2 year check|two year check|2 year review|"
     "two year review|1 year review|one year review|health and development review|hdr",
     T::DevelopmentalCheck, Tier::Contact},
    {"antenatal|ante natal|antenatal appointment|antenatal clinic|booking appointment|booking visit|"
     "booking bloods|pregnancy booking|antenatal booking|midwife appointment|midwife appt|mw appt|"
     "mw appointment|midwifery appointment|dating scan|anomaly scan|20 week scan|12 week scan",
     T::Antenatal, Tier::Contact},
    {"registered with|registered as a patient|registered as a new patient|new patient registration|"
     "new patient check|new patient|registration|registered at|deregistered|de registered|deregistration|"
     "removed from the practice list|removed from practice list|removed from list|admitted to the school|"
     "admitted to school|admitted to reception|admitted to nursery|admitted to year|joined the school|"
     "started at the school|started school|started reception|started in reception|started year|"
     "started in year|started nursery|on roll|off roll|removed from roll|taken off roll|left the school|"
     "school admission|in year admission|enrolled",
     T::Registration, Tier::Contact},
    {"information request|request for information|information requested|requested information|"
     "checks requested|records requested|agency checks|mash checks|police checks|checks completed|"
     "information sought|requested records",
     T::InformationRequest, Tier::Contact},
    {"office visit|visited the office|attended the office|came to the office|came into the office|"
     "seen at the office|seen in the office|seen at office|office appointment",
     T::OfficeVisit, Tier::Contact},
    {"home visit|home visits|home visited|unannounced visit|unannounced home visit|announced visit|"
     "announced home visit|statutory visit|statutory home visit|joint visit|joint home visit|targeted visit|"
     "cin visit|cp visit|postnatal visit|new to area visit|transfer in visit|visited at home|seen at home|"
     "visited the home|visited the family home|visit to the home|visit to the family home|hv visit|sw visit",
     T::HomeVisit, Tier::Contact},
    {"telephone call|telephone calls|phone call|phone calls|phoned|telephoned|rang|tel call|"
     "telephone contact|phone contact|call from|call to|calls from|call with|spoke on the phone|"
     "spoke by phone|spoke by telephone|by phone|by telephone|over the phone|text message|text messages|"
     "texted|sms|whatsapp|video call|tc",
     T::PhoneCall, Tier::Contact},
    {"letter sent|letter to|letter from|letter received|letters sent|letter posted|wrote to|written to|"
     "email|emailed|emails|e mail|e mailed|correspondence",
     T::Letter, Tier::Contact},
    {"cin meeting|cin review|child in need meeting|child in need review|taf meeting|tac meeting|"
     "team around the family|team around the child|tac|taf|professionals meeting|professional meeting|"
     "multi agency meeting|network meeting|planning meeting|review meeting|lac review|cla review|"
     "looked after review|marac|mappa|mase|safety planning meeting|discharge planning meeting|"
     "transfer in meeting|transfer in cin meeting",
     T::Meeting, Tier::Contact},
    {"gp appointment|gp consultation|gp consult|seen by gp|seen by the gp|seen by dr|seen by doctor|"
     "seen by the doctor|seen in surgery|seen at surgery|surgery appointment|consultation|"
     "telephone consultation|phone consultation|video consultation|gp review|consulted gp|consulted the gp|"
     "attended surgery|attended the surgery",
     T::GpConsultation, Tier::Contact},
    {"clinic appointment|outpatient appointment|outpatients|attended clinic|attended the clinic|"
     "seen in clinic|seen at clinic|baby clinic|child health clinic|fracture clinic|follow up appointment|"
     "appointment attended|attended appointment|attended her appointment|attended his appointment|"
     "clinic attendance|clinic visit",
     T::Appointment, Tier::Contact},
    {"initial assessment|core assessment|single assessment|child and family assessment|c&f assessment|"
     "c & f assessment|s47|s47 enquiry|s47 enquiries|section 47|s 47|child protection medical|cp medical|"
     "pre birth assessment|prebirth assessment|parenting assessment|early help assessment|eha|caf|"
     "assessment completed|assessment started|assessment commenced|assessment visit",
     T::Assessment, Tier::Contact},
    {"allocated to|allocated|reallocated|re allocated|allocation|case allocated|case reallocated",
     T::Allocation, Tier::Contact},
    {"transferred to|transfer to|transfer in|transfer out|transfer of case|case transferred|transfer summary|"
     "records transferred|transfer of records|transferred in|transferred out|transfer request",
     T::CaseTransfer, Tier::Contact},

    // 4. An agency's ordinary words for its own contact.
    {"seen|c o|complains of|presented with|consulted|reviewed|attended with|attended|prescription|"
     "prescribed|repeat prescription|repeat issued|medication review|examined|exam|examination|advice|"
     "advised|safety netting|diagnosis|diagnosed|antibiotics|symptoms",
     T::GpConsultation, Tier::AgencyWord, only(A::Gp)},
    {"late|unauthorised", T::SchoolAttendanceConcern, Tier::AgencyWord, only(A::School, A::EarlyYears)},
    {"attended|call|calls|caller|report|reported|officers|suspect|victim|investigation|stop and search|"
     "police|argument|arguments|arguing|fight|fighting|shouting|hit|punched|slapped|kicked|strangled|pushed|"
     "threatened|attacked|violent|abusive|smashed|grabbed",
     T::PoliceIncident, Tier::AgencyWord, only(A::Police)},
    {"attended|attendance|seen in|brought by|examined", T::HospitalAttendance, Tier::AgencyWord,
     only(A::Hospital)},
    {"appt|appointment|appointments|clinic|seen|reviewed|fundal height", T::Antenatal, Tier::AgencyWord,
     only(A::Midwifery)},
    {"housing|property|rent|repairs|homeless|homelessness|application|accommodation|landlord|bidding",
     T::Housing, Tier::AgencyWord, only(A::Housing)},
    {"says|said|recalls|recalled|remembers|told|reports|reported|states|stated", T::Contact, Tier::AgencyWord,
     only(A::Family)},

    // 5. Events told of second hand.
    {"domestic incident|domestic incidents|domestic abuse incident|domestic violence incident|da incident|"
     "dv incident|dva incident|domestic related incident|police incident|police call out|police callout|"
     "police attended|police called|police were called|called police|called the police|police report|"
     "reported to police|reported to the police",
     T::PoliceIncident, Tier::Event},
    {"domestic abuse|domestic violence|domestic|assaulted", T::PoliceIncident, Tier::Event, 0,
     When::PoliceSaid},
    {"arrested|arrest|in custody", T::Arrest, Tier::Event},
    {"a&e|a & e|ed|emergency department|ed attendance|a&e attendance|attended hospital|attended a&e|"
     "attended ed|attended the emergency department|casualty|urgent care centre|urgent care|ucc|"
     "walk in centre|minor injuries unit|miu|taken to hospital|conveyed to hospital",
     T::HospitalAttendance, Tier::Event},
    {"admitted|admission|admitted to hospital|admitted to ward", T::Admission, Tier::Event},
    {"discharged|discharge", T::Discharge, Tier::Event},
    {"reported missing|missing from home|missing from care|missing episode|missing episodes|went missing|"
     "was missing|missing person|misper|absconded|return home interview|missing overnight",
     T::MissingEpisode, Tier::Event},
    {"excluded|exclusion|fixed term exclusion|permanent exclusion|permanently excluded|"
     "suspended from school|suspension",
     T::Exclusion, Tier::Event},
    {"attendance concern|attendance concerns|persistent absence|persistently absent|unauthorised absence|"
     "unauthorised absences|poor attendance|school attendance|absence|absences|missing education|"
     "missing from education|cme|ewo|education welfare|attendance officer|penalty notice|low attendance|"
     "did not attend school|not attending school|absent from school|not brought to school|"
     "did not attend nursery|not brought to nursery|not taken to school",
     T::SchoolAttendanceConcern, Tier::Event},
    {"court|court hearing|magistrates|crown court|family court|care proceedings|proceedings|"
     "interim care order|care order|supervision order|emergency protection order|epo|ico|sentenced|"
     "remanded|convicted|non molestation order|injunction",
     T::Court, Tier::Event},
    {"moved to|moved out|moved into|moved in|moved house|moved away|change of address|new address|"
     "relocated|has moved|have moved|family moved",
     T::Move, Tier::Event},
    {"housing|tenancy|homeless|homelessness|homeless application|homelessness application|"
     "temporary accommodation|eviction|evicted|notice to quit|rent arrears|housing application|"
     "housing register|section 21|bidding",
     T::Housing, Tier::Event},
    {"born|birth|was born|gave birth|birth of", T::Birth, Tier::Event},
    {"died|death|deceased|pronounced dead|found dead|passed away|life extinct", T::Death, Tier::Event},

    // 6. Injuries.
    {"bruise|bruises|bruised|bruising|fracture|fractures|fractured|injury|injuries|injured|burn|burns|burnt|"
     "burned|scald|scalds|scalded|body map|nai|non accidental injury|bite mark|bite marks|fingertip marks|"
     "laceration|lacerations|head injury|subdural|bleed|swelling|swollen",
     T::Injury, Tier::Injury},

    // 7. Single common words.
    {"visit|visits|visited", T::HomeVisit, Tier::Weak},
    {"meeting|meetings|met with", T::Meeting, Tier::Weak},
    {"appointment|appointments|appt|appts|clinic", T::Appointment, Tier::Weak},
    {"assessment|assessed", T::Assessment, Tier::Weak},
    {"referral|referred|referrals|self referral|mash", T::Referral, Tier::Weak},
    {"notified|information sharing|shared information|information shared", T::Notification, Tier::Weak},
    {"phone|telephone|call|calls", T::PhoneCall, Tier::Weak},
    {"letter|letters|wrote", T::Letter, Tier::Weak},
    {"contact received|contact from|contact made|initial contact|new contact|contact record|mash contact|"
     "front door|seen in school|seen at school|seen in nursery|seen at nursery|seen by|spoke with|spoke to|"
     "conversation with|discussed with",
     T::Contact, Tier::Weak},
    {"transfer|transferred", T::CaseTransfer, Tier::Weak},
    {"closed", T::CaseClosed, Tier::Weak, k_not_police},
    {"incident", T::PoliceIncident, Tier::Weak, 0, When::PoliceSaid},
};

// clang-format on

// Words that tell of domestic abuse wherever they are (unless negated: "no history of DA"). A
// conflict word and a partner word in one sentence do too ("argument with her partner").
constexpr std::string_view k_domestic_abuse =
    "domestic abuse|domestic violence|domestic incident|domestic incidents|domestic|da|dv|dva|marac|idva|"
    "dash|dvpn|dvpo|non molestation|coercive control|coercive and controlling|controlling and coercive|"
    "controlling behaviour|clares law|dvds|refuge|intimate partner violence|honour based";
constexpr std::string_view k_partner =
    "partner|partners|boyfriend|boyfriends|girlfriend|husband|wife|ex partner|expartner|ex husband|ex wife|"
    "fiance|fiancee|spouse";
constexpr std::string_view k_conflict =
    "assaulted|assault|hit|hitting|punched|slapped|kicked|strangled|strangulation|choked|pushed|threatened|"
    "threatening|attacked|argument|arguments|arguing|fight|fighting|shouting|violent|violence|abusive|abuse|"
    "controlling|smashed|grabbed|headbutted|head butted";

// Words around cues (see When).
constexpr std::string_view k_police_words = "police|officers|pc|999|cad|constabulary";
constexpr std::string_view k_visit_words =
    "visit|visits|visited|door|doors|knocked|knocking|card|called at|attended the address|attended the home|"
    "attended the property|curtains|letterbox|letter box";
constexpr std::string_view k_remote_words =
    "phone|phoned|telephone|telephoned|rang|mobile|voicemail|text|texted|texts|message|messages|call|calls|"
    "letter|letters|email|emails|emailed";
constexpr std::string_view k_sighting_words = "seen|saw|spoke to|spoke with|sighted";

// A negator up to four words before a cue, with only fillers between, negates it ("no injuries",
// "not been admitted", "no visible marks or injuries", "no history of DA", "not asked about DA");
// anything else between ends the search ("no concerns at home visit" is a home visit). What is only
// planned counts as negated too: "to book 9-12 month review", "offered a new appointment", and a
// cue followed by "booked", "due", "offered" ("12-month imms booked").
constexpr std::string_view k_negators =
    "no|not|nil|without|never|none|denies|denied|deny|denying|unable|didnt|wasnt|werent|isnt|doesnt|hasnt|"
    "havent|hadnt|cannot|cant|couldnt|nor|neither|nothing|declined|declines|refused|refuses|book|booked|"
    "rebook|rebooked|offer|offered|offering|due|reminder|arrange|arranged|arranging|next|planned|awaiting";
constexpr std::string_view k_fillers =
    "any|visible|obvious|new|further|other|signs|sign|evidence|of|or|and|been|be|being|was|were|is|are|has|"
    "have|had|require|required|requiring|need|needed|apparent|physical|significant|fresh|recent|reported|"
    "noted|sustained|history|known|current|to|the|a|an|acute|previous|marks|mark|bruises|bruising|injuries|"
    "injury|asked|about|discussed|enquired|regarding|re|her|his|their|for";
constexpr std::string_view k_negators_after = "booked|arranged|planned|due|offered|outstanding|rearranged";

// Phrases whose words are never cues ("date of birth", "cardiac arrest", "in the absence of").
constexpr std::string_view k_masks =
    "date of birth|dob|pre birth|prebirth|since birth|from birth|at birth|birth mother|birth father|"
    "birth parent|birth parents|birth family|birth plan|birth certificate|birth weight|cardiac arrest|"
    "respiratory arrest|in the absence of|absence of|partner agency|partner agencies|partnership|"
    "substance abuse|alcohol abuse|drug abuse|domestic chores|domestic duties|domestic appliance|"
    "domestic appliances|death threat|death threats|conference call|routine enquiry|da routine enquiry|"
    "dv routine enquiry|domestic abuse routine enquiry|routine da enquiry|routine domestic abuse enquiry|"
    "routine enquiry re da|routine enquiry about domestic abuse|routine enquiry regarding domestic abuse|"
    "routine enquiry re dv|admitted that|admitted to hitting|admitted hitting|admitted to smacking|"
    "admitted smacking|admitted to using|admitted using|admitted to drinking|admitted drinking|"
    "admitted to taking|admitted taking|missed period|ear discharge|eye discharge|nasal discharge|"
    "vaginal discharge|sticky discharge|cp registration|child protection registration|"
    "child protection register|cp register|last seen|to be seen|previously seen|next seen|"
    "no access to the children|no access to his children|no access to her children|no access to the child|"
    "allocated worker|allocated social worker";

// [SECTION] Words: how a text is cut into words

// A word of the text: its bytes, the FNV-1a hash of its reading (lowercase, no apostrophes), which
// sentence and clause it is in, and what the compiled table says of it.
// (No member initialisers: the words of a text are kept in an array left unwritten until read.)
struct Word {
    std::uint32_t begin, end;  // bytes of the text
    std::uint32_t hash;
    std::uint32_t sentence;
    std::uint32_t clause;
    std::uint32_t first;  // phrases starting with this word: [first, first + count) of the index,
    std::uint16_t count;  // masks first (the first `masks` of them)
    std::uint16_t masks;
    bool plain;   // only ASCII letters, digits and '&' (compared byte for byte)
    bool masked;  // inside a mask phrase
    bool negator;
    bool negator_after;  // negates the cue just before it ("imms booked")
    bool filler;
    bool remote;  // a phone, letter or text word starts here
};

constexpr std::uint32_t k_fnv_basis = 2166136261u;
constexpr std::uint32_t k_fnv_prime = 16777619u;
constexpr std::uint32_t fnv(std::uint32_t h, char c) {
    return (h ^ static_cast<std::uint8_t>(c)) * k_fnv_prime;
}

bool is_ascii_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&';
}

// Each byte's reading: 0 for bytes that are not plain ASCII word bytes, else the byte in lowercase.
constexpr std::array<char, 256> k_plain = [] {
    std::array<char, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
    t['&'] = '&';
    return t;
}();
char plain_byte(char c) {
    return k_plain[static_cast<std::uint8_t>(c)];
}

// Bytes of a typographic apostrophe or quote at i (U+2018, U+2019), else 0.
std::size_t curly_apostrophe(std::string_view t, std::size_t i) {
    return (i + 2 < t.size() && t[i] == '\xE2' && t[i + 1] == '\x80' &&
            (t[i + 2] == '\x98' || t[i + 2] == '\x99'))
               ? 3
               : 0;
}

// Bytes of an apostrophe inside a word at i ("didn't", "mother’s"), else 0: an apostrophe after a
// word byte and before an ASCII letter or digit. Others are quotes, and end words.
std::size_t inner_apostrophe(std::string_view t, std::size_t i, bool in_word) {
    if (!in_word) return 0;
    const std::size_t n = t[i] == '\'' ? 1 : curly_apostrophe(t, i);
    if (n == 0 || i + n >= t.size()) return 0;
    return is_ascii_word_byte(static_cast<unsigned char>(t[i + n])) ? n : 0;
}

// What a byte that is not part of a word does: nothing, ends a clause, or ends a sentence. A full
// stop ends a sentence only before a space, a quote, a bracket or the end ("s.47", "2.5" do not).
enum class Break : std::uint8_t { None, Clause, Sentence };
Break break_at(std::string_view t, std::size_t i) {
    const char c = t[i];
    switch (c) {
        case ';':
        case '!':
        case '?':
        case '\n':
        case '\r':
            return Break::Sentence;
        case '.': {
            if (i + 1 >= t.size()) return Break::Sentence;
            const char n = t[i + 1];
            return (n == ' ' || n == '\t' || n == '\n' || n == '\r' || n == '"' || n == '\'' || n == ')' ||
                    n == '\xE2')
                       ? Break::Sentence
                       : Break::None;
        }
        case ',':
        case ':':
        case '(':
        case ')':
        case '"':
            return Break::Clause;
        case '-':  // a dash between spaces; a hyphen inside a word ("6-8", "no-show") only separates
            return (i > 0 && t[i - 1] == ' ' && i + 1 < t.size() && t[i + 1] == ' ') ? Break::Clause
                                                                                     : Break::None;
        case '\xE2':  // dashes (U+2013, U+2014) and double quotes (U+201C, U+201D)
            if (i + 2 < t.size() && t[i + 1] == '\x80' &&
                (t[i + 2] == '\x93' || t[i + 2] == '\x94' || t[i + 2] == '\x9C' || t[i + 2] == '\x9D'))
                return Break::Clause;
            return Break::None;
        default:
            return Break::None;
    }
}

// Is byte i of the text part of a word? ASCII letters, digits and '&'; other UTF-8 letters (é)
// too, except general punctuation (U+2000 to U+203F: dashes, quotes, bullets) and no-break spaces.
bool is_word_byte(std::string_view t, std::size_t i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) return is_ascii_word_byte(c);
    // Find the lead byte of this character to decide for all of its bytes.
    std::size_t lead = i;
    while (lead > 0 && (static_cast<unsigned char>(t[lead]) & 0xC0) == 0x80 && i - lead < 3) --lead;
    const auto l = static_cast<unsigned char>(t[lead]);
    if (l == 0xE2 && lead + 1 < t.size() && t[lead + 1] == '\x80') return false;  // U+2000..U+203F
    if (l == 0xC2 && lead + 1 < t.size() && t[lead + 1] == '\xA0') return false;  // no-break space
    return true;
}

// Cuts a text into words, one at a time.
class Words {
public:
    explicit Words(std::string_view text) : m_t(text) {}

    // The next word, or false at the end.
    bool next(Word& w) {
        bool pending_sentence = false, pending_clause = false;
        while (m_i < m_t.size() && plain_byte(m_t[m_i]) == 0 && !is_word_byte(m_t, m_i)) {
            if (m_t[m_i] == ' ') {
                ++m_i;
                continue;
            }
            const Break b = break_at(m_t, m_i);
            if (b == Break::Sentence) pending_sentence = true;
            if (b == Break::Clause) pending_clause = true;
            ++m_i;
        }
        if (m_i >= m_t.size()) return false;
        if (pending_sentence) {
            ++m_sentence;
            ++m_clause;
        } else if (pending_clause) {
            ++m_clause;
        }
        w = Word{};
        w.begin = static_cast<std::uint32_t>(m_i);
        w.plain = true;
        std::uint32_t h = k_fnv_basis;
        while (m_i < m_t.size()) {
            if (const char c = plain_byte(m_t[m_i])) {  // the common case
                h = fnv(h, c);
                ++m_i;
                continue;
            }
            if (m_t[m_i] == ' ') break;  // the next most common
            if (const std::size_t n = inner_apostrophe(m_t, m_i, m_i > w.begin)) {
                m_i += n;
                w.plain = false;
                continue;
            }
            if (!is_word_byte(m_t, m_i)) break;
            h = fnv(h, m_t[m_i]);
            w.plain = false;
            ++m_i;
        }
        w.end = static_cast<std::uint32_t>(m_i);
        w.hash = h;
        if (h == k_hash_but) ++m_clause;  // "..., but bruise noted": a new clause
        w.sentence = m_sentence;
        w.clause = m_clause;
        return true;
    }

private:
    static constexpr std::uint32_t k_hash_but = fnv(fnv(fnv(k_fnv_basis, 'b'), 'u'), 't');
    std::string_view m_t;
    std::size_t m_i = 0;
    std::uint32_t m_sentence = 0, m_clause = 0;
};

// Does the word of the text read as `word` (lowercase, no apostrophes)?
bool reads_as(std::string_view text, const Word& w, std::string_view word) {
    if (w.plain) {
        if (w.end - w.begin != word.size()) return false;
        for (std::size_t k = 0; k < word.size(); ++k)
            if (plain_byte(text[w.begin + k]) != word[k]) return false;
        return true;
    }
    std::size_t k = 0;
    for (std::size_t i = w.begin; i < w.end;) {
        if (const std::size_t n = inner_apostrophe(text, i, i > w.begin)) {
            i += n;
            continue;
        }
        if (k >= word.size() || word[k] != ascii_lower(text[i])) return false;
        ++k;
        ++i;
    }
    return k == word.size();
}

// [SECTION] The compiled table: every phrase, found by its first word

enum class Role : std::uint8_t {
    Cue,
    DomesticAbuse,
    Partner,
    Conflict,
    PoliceWord,
    VisitWord,
    RemoteWord,
    SightingWord,
    Negator,
    NegatorAfter,
    Filler,
    Mask
};

constexpr std::size_t k_max_phrase_words = 6;

struct Phrase {
    std::array<std::string_view, k_max_phrase_words> words{};
    std::array<std::uint32_t, k_max_phrase_words> hashes{};
    std::uint8_t size = 0;
    Role role = Role::Cue;
    std::uint16_t row = 0;  // k_rows index, for cues
};

std::uint32_t hash_of(std::string_view word) {
    std::uint32_t h = k_fnv_basis;
    for (const char c : word) h = fnv(h, c);
    return h;
}

// The table's phrases grouped by first word, and an open-addressing table from a first word's
// hash to its group. Built once.
class Index {
public:
    Index() {
        std::vector<Phrase> all;
        for (std::size_t r = 0; r < std::size(k_rows); ++r) add(all, k_rows[r].phrases, Role::Cue, r);
        add(all, k_domestic_abuse, Role::DomesticAbuse, 0);
        add(all, k_partner, Role::Partner, 0);
        add(all, k_conflict, Role::Conflict, 0);
        add(all, k_police_words, Role::PoliceWord, 0);
        add(all, k_visit_words, Role::VisitWord, 0);
        add(all, k_remote_words, Role::RemoteWord, 0);
        add(all, k_sighting_words, Role::SightingWord, 0);
        add(all, k_negators, Role::Negator, 0);
        add(all, k_negators_after, Role::NegatorAfter, 0);
        add(all, k_fillers, Role::Filler, 0);
        add(all, k_masks, Role::Mask, 0);
        // Group by first word, masks first, keeping table order within a group (it breaks ties).
        std::stable_sort(all.begin(), all.end(), [](const Phrase& a, const Phrase& b) {
            if (a.words[0] != b.words[0]) return a.words[0] < b.words[0];
            return (a.role == Role::Mask) > (b.role == Role::Mask);
        });
        std::size_t distinct = 0;
        for (std::size_t i = 0; i < all.size(); ++i)
            distinct += i == 0 || all[i].words[0] != all[i - 1].words[0];
        std::size_t slots = 1;
        while (slots < distinct * 2) slots *= 2;
        m_slots.assign(slots, Slot{});
        m_keys.assign(slots, 0);
        for (std::size_t i = 0; i < all.size();) {
            Slot s;
            s.hash = all[i].hashes[0];
            s.word = all[i].words[0];
            s.first = static_cast<std::uint32_t>(m_phrases.size());
            // Single negators and fillers become marks on the word; the other phrases are kept.
            for (; i < all.size() && all[i].words[0] == s.word; ++i) {
                const Phrase& p = all[i];
                if (p.role == Role::Negator)
                    s.negator = true;
                else if (p.role == Role::NegatorAfter)
                    s.negator_after = true;
                else if (p.role == Role::Filler)
                    s.filler = true;
                else
                    m_phrases.push_back(p);
                if (p.role == Role::Mask) ++s.masks;
            }
            s.count = static_cast<std::uint16_t>(m_phrases.size() - s.first);
            std::size_t at = s.hash & (slots - 1);
            while (m_keys[at] != 0) at = (at + 1) & (slots - 1);
            m_slots[at] = s;
            m_keys[at] = key(s.hash);
        }
    }

    // Finds the phrases starting with the word and marks it as the table says.
    void look_up(std::string_view text, Word& w) const {
        const std::uint32_t k = key(w.hash);
        std::size_t at = w.hash & (m_slots.size() - 1);
        for (; m_keys[at] != 0; at = (at + 1) & (m_slots.size() - 1)) {
            if (m_keys[at] != k) continue;
            const Slot& s = m_slots[at];
            if (reads_as(text, w, s.word)) {
                w.first = s.first;
                w.count = s.count;
                w.masks = s.masks;
                w.negator = s.negator;
                w.negator_after = s.negator_after;
                w.filler = s.filler;
                return;
            }
        }
    }

    const Phrase& phrase(std::size_t i) const { return m_phrases[i]; }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::string_view word;
        std::uint32_t first = 0;
        std::uint16_t count = 0, masks = 0;
        bool negator = false, negator_after = false, filler = false;
    };

    // A slot's key: its word's hash, never 0 (0 marks an empty slot).
    static std::uint32_t key(std::uint32_t hash) { return hash | 1u; }

    static void add(std::vector<Phrase>& out, std::string_view list, Role role, std::size_t row) {
        while (!list.empty()) {
            const std::size_t bar = list.find('|');
            std::string_view text = list.substr(0, bar);
            list = bar == std::string_view::npos ? std::string_view{} : list.substr(bar + 1);
            Phrase p;
            p.role = role;
            p.row = static_cast<std::uint16_t>(row);
            while (!text.empty()) {
                const std::size_t space = text.find(' ');
                assert(p.size < k_max_phrase_words);
                p.words[p.size] = text.substr(0, space);
                p.hashes[p.size] = hash_of(p.words[p.size]);
                ++p.size;
                text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
            }
            out.push_back(p);
        }
    }

    std::vector<Phrase> m_phrases;
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_keys;  // probed first: small enough to stay in cache
};

const Index& index() {
    static const Index built;
    return built;
}

// [SECTION] Reading a text

// Does the phrase read at word i (all its words there, none masked unless it is a mask)?
bool matches(std::string_view text, const Word* words, std::size_t n, std::size_t i, const Phrase& p) {
    if (i + p.size > n) return false;
    for (std::size_t k = 0; k < p.size; ++k) {
        const Word& w = words[i + k];
        if (p.role != Role::Mask && w.masked) return false;
        if (k > 0 && (w.hash != p.hashes[k] || !reads_as(text, w, p.words[k]))) return false;
    }
    return true;
}

// Is the phrase of `size` words at word i negated: by a negator before it in its clause with only
// fillers between, or by a negator-after right after it?
bool negated(const Word* words, std::size_t n, std::size_t i, std::size_t size) {
    if (i + size < n && words[i + size].negator_after && words[i + size].clause == words[i].clause)
        return true;
    for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
        const Word& w = words[i - back];
        if (w.clause != words[i].clause) return false;
        if (w.negator) return true;
        if (!w.filler) return false;
    }
    return false;
}

// A cue found in the text, and how it ranks.
struct Found {
    std::uint16_t row = 0;
    std::uint8_t tier = 0xFF;  // 0xFF: nothing found
    std::uint32_t word = 0;    // its first word
    std::uint8_t size = 0;     // words
    bool better_than(const Found& o) const {
        if (tier != o.tier) return tier < o.tier;
        if (word != o.word) return word < o.word;
        if (size != o.size) return size > o.size;
        return row < o.row;
    }
};

bool kind_allows(std::uint32_t kinds, AgencyKind kind) {
    return kinds == 0 || (kinds & (std::uint32_t{1} << static_cast<unsigned>(kind))) != 0;
}

// A single common word that is the first cue of the text, among its first words and in its first
// clause, counts as an agency's word for its contact (see "Why this order").
constexpr std::size_t k_opening_words = 6;

// Words kept without allocating, for texts of up to this many words.
constexpr std::size_t k_words_on_stack = 256;

}  // namespace

InferredType infer_entry_type(std::string_view text, AgencyKind agency_kind) {
    const Index& ix = index();

    // Cut into words, each looked up once; a long text spills to the heap.
    std::array<Word, k_words_on_stack> stack;
    std::vector<Word> heap;
    std::size_t n = 0;
    {
        Words cut(text);
        Word w;
        while (cut.next(w)) {
            ix.look_up(text, w);
            if (n < k_words_on_stack) {
                stack[n] = w;
            } else {
                if (heap.empty()) heap.assign(stack.begin(), stack.end());
                heap.push_back(w);
            }
            ++n;
        }
    }
    Word* const words = heap.empty() ? stack.data() : heap.data();

    // First pass: masks (known before any cue is read).
    for (std::size_t i = 0; i < n; ++i) {
        for (std::uint32_t k = 0; k < words[i].masks; ++k) {
            const Phrase& p = ix.phrase(words[i].first + k);
            if (matches(text, words, n, i, p))
                for (std::size_t m = 0; m < p.size; ++m) words[i + m].masked = true;
        }
    }

    // Second pass: cues and the words around them.
    Found best;
    constexpr std::size_t k_max_conditional = 16;
    std::array<Found, k_max_conditional> conditional;
    std::size_t conditionals = 0;
    bool da = false, police_said = agency_kind == AgencyKind::Police, visit_said = false, sighted = false;
    bool meeting_said = false;
    std::size_t first_cue = n;  // the first word of the first cue read
    std::uint32_t partner_sentence = UINT32_MAX, conflict_sentence = UINT32_MAX;
    for (std::size_t i = 0; i < n; ++i) {
        // The words starting here are read as the longest cue they make, for this agency.
        std::size_t longest = 0;
        for (std::uint32_t k = words[i].masks; k < words[i].count; ++k) {
            const Phrase& p = ix.phrase(words[i].first + k);
            if (p.role == Role::Cue && p.size > longest && kind_allows(k_rows[p.row].kinds, agency_kind) &&
                matches(text, words, n, i, p))
                longest = p.size;
        }
        for (std::uint32_t k = words[i].masks; k < words[i].count; ++k) {
            const Phrase& p = ix.phrase(words[i].first + k);
            if (p.role == Role::Cue && (p.size != longest || !kind_allows(k_rows[p.row].kinds, agency_kind)))
                continue;
            if (!matches(text, words, n, i, p)) continue;
            if (p.role == Role::RemoteWord) {
                words[i].remote = true;
                continue;
            }
            if (p.role == Role::VisitWord) {
                visit_said = true;
                continue;
            }
            if (negated(words, n, i, p.size)) continue;
            const std::uint32_t sentence = words[i].sentence;
            switch (p.role) {
                case Role::DomesticAbuse:
                    da = true;
                    break;
                case Role::Partner:
                    partner_sentence = sentence;
                    if (conflict_sentence == sentence) da = true;
                    break;
                case Role::Conflict:
                    conflict_sentence = sentence;
                    if (partner_sentence == sentence) da = true;
                    break;
                case Role::PoliceWord:
                    police_said = true;
                    break;
                case Role::SightingWord:
                    sighted = true;
                    break;
                case Role::Cue: {
                    const Row& r = k_rows[p.row];
                    meeting_said = meeting_said || r.type == T::StrategyDiscussion ||
                                   r.type == T::Conference || r.type == T::CoreGroup || r.type == T::Meeting;
                    // A common word opening the text names what happened ("SW3 visit to new address",
                    // "Day 10 visit"): it counts as an agency's word for its contact.
                    const bool opening = r.tier == Tier::Weak && words[i].clause == words[0].clause &&
                                         i < k_opening_words && first_cue >= i;
                    const Tier tier = opening ? Tier::AgencyWord : r.tier;
                    first_cue = std::min<std::size_t>(first_cue, i);
                    const Found f{p.row, static_cast<std::uint8_t>(tier), static_cast<std::uint32_t>(i),
                                  p.size};
                    if (r.when == When::Always) {
                        if (f.better_than(best)) best = f;
                    } else if (conditionals < k_max_conditional && f.better_than(best)) {
                        conditional[conditionals++] = f;
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }

    // Conditional cues, now that the whole text has been read.
    for (std::size_t c = 0; c < conditionals; ++c) {
        const Found& f = conditional[c];
        bool holds = false;
        if (k_rows[f.row].when == When::PoliceSaid) {
            holds = police_said;
        } else if (k_rows[f.row].when == When::NoMeeting) {
            holds = !meeting_said;
        } else {  // AtTheDoor
            holds = visit_said && !sighted;
            for (std::size_t i = 0; holds && i < n; ++i)
                if (words[i].sentence == words[f.word].sentence && words[i].remote) holds = false;
        }
        if (holds && f.better_than(best)) best = f;
    }

    InferredType out;
    out.domestic_abuse = da;
    if (best.tier == 0xFF) return out;
    out.type = k_rows[best.row].type;
    const Word& first = words[best.word];
    const Word& last = words[best.word + best.size - 1];
    out.cue = text.substr(first.begin, last.end - first.begin);
    return out;
}

void read_unwritten_types(Case& c, unsigned threads) {
    Chronology& ch = c.chronology;
    std::vector<Entry*> unread;
    ch.for_each_entry([&](Entry& e) {
        if (e.type_unread) unread.push_back(&e);
    });
    if (unread.empty()) return;
    // Types on several threads (each entry on its own); the tags after, in entry order.
    std::vector<char> abuse(unread.size(), 0);
    parallel_ranges(unread.size(), thread_count(threads), [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            Entry& e = *unread[i];
            const InferredType t = infer_entry_type(e.summary, c.agency_kind(e.agency));
            e.type = t.type;
            e.type_unread = false;
            abuse[i] = t.domestic_abuse ? 1 : 0;
        }
    });
    std::string_view tag;
    for (std::size_t i = 0; i < unread.size(); ++i) {
        if (!abuse[i]) continue;
        if (tag.empty()) tag = ch.text.store("domestic_abuse");
        Entry& e = *unread[i];
        // The entry's tags move to the end of the array, behind the new one.
        const auto begin = static_cast<std::uint32_t>(ch.tags.size());
        ch.tags.push_back(tag);
        for (std::uint32_t k = 0; k < e.tags.count; ++k) {
            const std::string_view old = ch.tags[e.tags.begin + k];
            ch.tags.push_back(old);
        }
        e.tags = {begin, e.tags.count + 1};
    }
}

}  // namespace sightline::engine
