// Entry types read from summaries as practitioners write them (all people fictional).
#include "sightline/engine/type_inference.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace sightline::engine;

namespace {

struct Summary {
    const char* text;
    AgencyKind kind;
    EntryType type;
    bool domestic_abuse;
};

using K = AgencyKind;
using T = EntryType;

// Each line: a summary, the agency that wrote it, the type it would have written, and whether it
// tells of domestic abuse.
const Summary k_summaries[] = {
    // Visits, and visits where nobody answered.
    {"Home visit. Mother and baby seen; baby settled in cot.", K::HealthVisiting, T::HomeVisit, false},
    {"Unannounced home visit, no reply. Card left.", K::ChildrensSocialCare, T::NoAccessVisit, false},
    {"Home visit, no reply.", K::Unknown, T::NoAccessVisit, false},
    {"SW called at the address; no answer at the door and curtains drawn.", K::ChildrensSocialCare,
     T::NoAccessVisit, false},
    {"Visited as arranged; mother not at home. Calling card left.", K::EarlyHelp, T::NoAccessVisit, false},
    {"No access visit.", K::Unknown, T::NoAccessVisit, false},
    {"Phoned mother, no answer; voicemail left.", K::ChildrensSocialCare, T::PhoneCall, false},
    {"Home visit: no answer at first, returned an hour later and Jayden seen with mother.",
     K::ChildrensSocialCare, T::HomeVisit, false},
    {"Office visit: mother attended the duty office with both children.", K::ChildrensSocialCare,
     T::OfficeVisit, false},
    {"Visited the office to collect food bank vouchers.", K::EarlyHelp, T::OfficeVisit, false},
    {"Statutory visit, Kai seen alone in his bedroom; says he is happy at home.", K::ChildrensSocialCare,
     T::HomeVisit, false},

    // Missed appointments.
    {"DNA for 2 year check.", K::HealthVisiting, T::MissedAppointment, false},
    {"Kayla was not brought to her 8-week immunisations.", K::Gp, T::MissedAppointment, false},
    {"WNB paediatric outpatient appointment; letter to GP.", K::Hospital, T::MissedAppointment, false},
    {"Mother DNA'd antenatal booking appointment.", K::Midwifery, T::MissedAppointment, false},
    {"Mother didn\xE2\x80\x99t attend the clinic appointment, no contact made.", K::HealthVisiting,
     T::MissedAppointment, false},
    {"Failed to attend fracture clinic follow-up.", K::Hospital, T::MissedAppointment, false},
    {"No show at CAMHS initial appointment.", K::Camhs, T::MissedAppointment, false},
    {"Failed to bring Leo to audiology appointment.", K::Hospital, T::MissedAppointment, false},
    {"Appointment cancelled by mother, rebooked for 14/05.", K::Gp, T::MissedAppointment, false},
    {"Mother did not attend the CIN meeting.", K::ChildrensSocialCare, T::Meeting, false},
    {"Core group meeting at school. Mother did not attend.", K::ChildrensSocialCare, T::CoreGroup, false},

    // The child protection process.
    {"Strategy discussion held following a referral from school.", K::ChildrensSocialCare,
     T::StrategyDiscussion, false},
    {"Strategy meeting between police, CSC and health: s47 enquiries agreed.", K::ChildrensSocialCare,
     T::StrategyDiscussion, false},
    {"ICPC held; both children made subject to CP plans under neglect.", K::ChildrensSocialCare,
     T::Conference, false},
    {"RCPC: plans to continue.", K::ChildrensSocialCare, T::Conference, false},
    {"Initial child protection conference postponed as reports not received.", K::ChildrensSocialCare,
     T::Conference, false},
    {"S47 enquiry initiated; joint visit with police.", K::ChildrensSocialCare, T::Assessment, false},
    {"Single assessment completed, recommending a CIN plan.", K::ChildrensSocialCare, T::Assessment, false},
    {"Child protection medical: injuries consistent with grip marks.", K::Hospital, T::Assessment, false},
    {"Referral received from school re bruise to Ellie's arm.", K::ChildrensSocialCare, T::Referral, false},
    {"Case closed: no further concerns.", K::ChildrensSocialCare, T::CaseClosed, false},
    {"NFA - information only.", K::ChildrensSocialCare, T::CaseClosed, false},
    {"Case allocated to SW4.", K::ChildrensSocialCare, T::Allocation, false},
    {"Case transferred to the Lowbridge assessment team.", K::ChildrensSocialCare, T::CaseTransfer, false},
    {"Transfer-in records received from Harrowfield HV.", K::HealthVisiting, T::CaseTransfer, false},
    {"Information request sent to Harrowfield CSC.", K::ChildrensSocialCare, T::InformationRequest, false},
    {"CIN meeting at school; mother attended.", K::ChildrensSocialCare, T::Meeting, false},
    {"MARAC: case heard, high risk.", K::DomesticAbuseService, T::Meeting, true},
    {"Court hearing: interim care order granted.", K::ChildrensSocialCare, T::Court, false},

    // Notifications and police incidents.
    {"Police CCN received via MASH re domestic incident at the family home on 12/03.", K::ChildrensSocialCare,
     T::Notification, true},
    {"MERLIN received re domestic incident; children present.", K::ChildrensSocialCare, T::Notification,
     true},
    {"PPN received from police: mother assaulted by partner, children in the house.", K::ChildrensSocialCare,
     T::Notification, true},
    {"Child concern notification for domestic incident sent to Eastmere CSC.", K::Police, T::Notification,
     true},
    {"Notification from Harrowfield HV of the family's move into the area.", K::HealthVisiting,
     T::Notification, false},
    {"Domestic incident at home address. Officers attended following 999 call from neighbour. Mother had a "
     "cut lip; partner left before police arrival.",
     K::Police, T::PoliceIncident, true},
    {"Attended address following call from neighbour reporting shouting.", K::Police, T::PoliceIncident,
     false},
    {"Verbal argument between Ms Kerr and her partner; no offences disclosed.", K::Police, T::PoliceIncident,
     true},
    {"Domestic incident reported to police by mother.", K::ChildrensSocialCare, T::PoliceIncident, true},
    {"Police attended a domestic at the address; mother reluctant to engage.", K::ChildrensSocialCare,
     T::PoliceIncident, true},
    {"DA incident: Connor Price arrested for assault on partner.", K::Police, T::PoliceIncident, true},
    {"Lee Grant arrested on suspicion of ABH; released under investigation.", K::Police, T::Arrest, false},
    {"Z arrested following domestic incident at Weir Road.", K::Police, T::Arrest, true},
    {"Domestic violence reported to police; partner left the address.", K::Unknown, T::PoliceIncident, true},

    // Hospitals.
    {"Attended ED with mother: 3cm bruise to left cheek, mother says fell from sofa.", K::Hospital,
     T::HospitalAttendance, false},
    {"A&E attendance: head injury after fall from bunk bed.", K::Unknown, T::HospitalAttendance, false},
    {"Attended hospital with scald to right hand.", K::Unknown, T::HospitalAttendance, false},
    {"Mother attended ED with facial bruising after an assault by her partner.", K::Unknown,
     T::HospitalAttendance, true},
    {"Admitted to children's ward for observation.", K::Hospital, T::Admission, false},
    {"Admitted to the children\xE2\x80\x99s ward with bronchiolitis.", K::Unknown, T::Admission, false},
    {"Discharged home with mother, GP to follow up.", K::Hospital, T::Discharge, false},
    {"Seen in ED, not admitted, discharged home with advice.", K::Hospital, T::HospitalAttendance, false},
    {"Child pronounced dead at Eastmere General.", K::Hospital, T::Death, false},
    {"Maya died in hospital.", K::Unknown, T::Death, false},

    // Injuries, and injuries not found.
    {"Bruise to forehead noted at nursery drop-off; mother says he fell.", K::EarlyYears, T::Injury, false},
    {"Body map completed: fingertip bruising to upper arms.", K::Unknown, T::Injury, false},
    {"Child has a fractured wrist.", K::Unknown, T::Injury, false},
    {"No bruises or marks seen.", K::Unknown, T::Other, false},
    {"No injuries seen on examination.", K::Unknown, T::Other, false},
    {"Not admitted.", K::Unknown, T::Other, false},
    {"No visible injuries.", K::Unknown, T::Other, false},

    // Health.
    {"8-week immunisations given.", K::Gp, T::Immunisation, false},
    {"Pre-school booster and MMR given at surgery.", K::Gp, T::Immunisation, false},
    {"New birth visit: baby Mia feeding well, weight 3.4kg.", K::HealthVisiting, T::DevelopmentalCheck,
     false},
    {"6-8 week check completed by HV; ASQ not due.", K::HealthVisiting, T::DevelopmentalCheck, false},
    {"2 year check at clinic: ASQ-3 shows delay in communication.", K::HealthVisiting, T::DevelopmentalCheck,
     false},
    {"Antenatal appointment at 28 weeks; mother reports low mood.", K::Midwifery, T::Antenatal, false},
    {"Booking appointment: mother 10 weeks pregnant, discloses previous DV from ex-partner.", K::Midwifery,
     T::Antenatal, true},
    {"Baby Noah born at 38 weeks by normal delivery.", K::Midwifery, T::Birth, false},
    {"Mother gave birth to a girl at home, unattended.", K::Unknown, T::Birth, false},
    {"GP appointment: mother seen re low mood, sertraline started.", K::Gp, T::GpConsultation, false},
    {"Seen with cough and coryza, chest clear.", K::Gp, T::GpConsultation, false},
    {"Telephone consultation with mother re rash.", K::Gp, T::GpConsultation, false},
    {"Baby seen at clinic, weight 7.1kg.", K::HealthVisiting, T::Appointment, false},
    {"Baby clinic: weight gain good.", K::HealthVisiting, T::Appointment, false},
    {"Registered with Brookside Medical Practice.", K::Gp, T::Registration, false},

    // Schools.
    {"Fixed term exclusion for 3 days after assaulting a peer.", K::School, T::Exclusion, false},
    {"Tyler excluded for the rest of the week.", K::Unknown, T::Exclusion, false},
    {"Jayden absent today, no reason given. Phoned mother, no answer.", K::School, T::SchoolAttendanceConcern,
     false},
    {"Persistent absence: attendance 62%, EWO referral.", K::ChildrensSocialCare, T::SchoolAttendanceConcern,
     false},
    {"Did not attend school today; mum says he is ill.", K::ChildrensSocialCare, T::SchoolAttendanceConcern,
     false},
    {"Rang school to check on S's attendance.", K::ChildrensSocialCare, T::PhoneCall, false},
    {"Young person went missing after school; returned home at 11pm.", K::Unknown, T::MissingEpisode, false},
    {"Reported missing from home overnight; found by police next morning.", K::Unknown, T::MissingEpisode,
     false},

    // Moves and housing.
    {"Family moved to a two-bedroom flat in Lowbridge.", K::Unknown, T::Move, false},
    {"Change of address notified by mother.", K::Gp, T::Move, false},
    {"Homeless application made; placed in temporary accommodation.", K::Housing, T::Housing, false},
    {"Tenancy signed for Flat 3, Weir Road.", K::Unknown, T::Housing, false},
    {"Housing officer inspected the property; damp in the bedroom.", K::Housing, T::Housing, false},

    // Calls, letters, messages.
    {"Letter sent to mother offering a new appointment.", K::HealthVisiting, T::Letter, false},
    {"Email from school DSL re concerns about lunch.", K::ChildrensSocialCare, T::Letter, false},
    {"Text message from mother cancelling visit.", K::ChildrensSocialCare, T::PhoneCall, false},
    {"Mother rang to say the children are staying with their grandmother.", K::EarlyHelp, T::PhoneCall,
     false},
    {"HV phoned mother: she says her partner hit her last week; police not called.", K::HealthVisiting,
     T::PhoneCall, true},

    // Words about domestic abuse, and sentences that say nothing of a type.
    {"Routine enquiry about domestic abuse: none disclosed.", K::HealthVisiting, T::Other, false},
    {"No history of domestic abuse.", K::Gp, T::Other, false},
    {"Mother disclosed her ex-partner was violent towards her.", K::Unknown, T::Other, true},
    {"Mother reports R has been well.", K::Unknown, T::Other, false},
    {"Adnan's reading is improving; homework done.", K::School, T::Other, false},
    {"Mother reported that the boiler is fixed.", K::Unknown, T::Other, false},
    {"Father said he would try to help more.", K::Unknown, T::Other, false},
    {"Grandmother says the children seem happier.", K::Family, T::Contact, false},
    {"Grandmother says the children seem happier.", K::Unknown, T::Other, false},
};

}  // namespace

TEST(InferType, RealisticSummaries) {
    EXPECT_GE(std::size(k_summaries), 80u);
    for (const Summary& s : k_summaries) {
        const InferredType got = infer_entry_type(s.text, s.kind);
        EXPECT_EQ(to_string(got.type), to_string(s.type)) << s.text << " (cue '" << got.cue << "')";
        EXPECT_EQ(got.domestic_abuse, s.domestic_abuse) << s.text;
        if (got.type == EntryType::Other) {
            EXPECT_TRUE(got.cue.empty()) << s.text;
        }
    }
}

TEST(InferType, CuePointsIntoTheTextAsWritten) {
    const std::string text = "MERLIN received re domestic incident";
    const InferredType got = infer_entry_type(text);
    EXPECT_EQ(got.type, EntryType::Notification);
    EXPECT_TRUE(got.domestic_abuse);
    EXPECT_EQ(got.cue, "MERLIN");
    EXPECT_EQ(got.cue.data(), text.data());

    const std::string curly = "Mother didn\xE2\x80\x99t attend clinic.";
    EXPECT_EQ(infer_entry_type(curly).cue, "didn\xE2\x80\x99t attend");
    EXPECT_EQ(infer_entry_type("Home Visit, NO REPLY").cue, "NO REPLY");
    EXPECT_EQ(infer_entry_type("Strategy discussion held following a referral").cue, "Strategy discussion");
}

TEST(InferType, WordsAreWholeWords) {
    // "dna" inside "Adnan", "ed" inside "reported", "arrest" inside "arrested" counts only whole.
    EXPECT_EQ(infer_entry_type("Adnan came in with his mum").type, EntryType::Other);
    EXPECT_EQ(infer_entry_type("Mother reported the boiler fixed").type, EntryType::Other);
    EXPECT_EQ(infer_entry_type("Edward was bored").type, EntryType::Other);
    EXPECT_EQ(infer_entry_type("DNA").type, EntryType::MissedAppointment);
    EXPECT_EQ(infer_entry_type("dna/wnb").type, EntryType::MissedAppointment);
    EXPECT_EQ(infer_entry_type("no-show").type, EntryType::MissedAppointment);
    EXPECT_EQ(infer_entry_type("Seen in A&E").type, EntryType::HospitalAttendance);
    EXPECT_EQ(infer_entry_type("Seen in A & E").type, EntryType::HospitalAttendance);
    EXPECT_EQ(infer_entry_type("").type, EntryType::Other);
    EXPECT_EQ(infer_entry_type("  ,.;  ").type, EntryType::Other);
}

TEST(InferType, NegatedWordsDoNotCount) {
    EXPECT_EQ(infer_entry_type("no injuries seen").type, EntryType::Other);
    EXPECT_EQ(infer_entry_type("No marks or injuries noted").type, EntryType::Other);
    EXPECT_EQ(infer_entry_type("not admitted").type, EntryType::Other);
    EXPECT_EQ(infer_entry_type("He has never been arrested").type, EntryType::Other);
    EXPECT_FALSE(infer_entry_type("Mother denies any domestic abuse").domestic_abuse);
    // A negator that is not next to the word, with other words between, does not reach it.
    EXPECT_EQ(infer_entry_type("No concerns at home visit").type, EntryType::HomeVisit);
    // Nor does one in another clause.
    EXPECT_EQ(infer_entry_type("No concerns, bruise noted on cheek").type, EntryType::Injury);
}

TEST(InferType, TheAgencyBreaksTies) {
    EXPECT_EQ(infer_entry_type("seen with cough", AgencyKind::Gp).type, EntryType::GpConsultation);
    EXPECT_EQ(infer_entry_type("seen with cough", AgencyKind::Unknown).type, EntryType::Other);
    EXPECT_EQ(infer_entry_type("absent", AgencyKind::School).type, EntryType::SchoolAttendanceConcern);
    EXPECT_EQ(infer_entry_type("attended address following call", AgencyKind::Police).type,
              EntryType::PoliceIncident);
    EXPECT_EQ(infer_entry_type("attended address following call", AgencyKind::Unknown).type,
              EntryType::PhoneCall);
    EXPECT_EQ(infer_entry_type("NFA", AgencyKind::ChildrensSocialCare).type, EntryType::CaseClosed);
    EXPECT_EQ(infer_entry_type("Crime recorded, NFA", AgencyKind::Police).type, EntryType::PoliceIncident);
}

TEST(InferType, LongTextsAreReadWhole) {
    // Past the words kept without allocating, the cue at the end still counts.
    std::string text;
    for (int i = 0; i < 400; ++i) text += "mother says things are fine ";
    text += "strategy discussion";
    const InferredType got = infer_entry_type(text);
    EXPECT_EQ(got.type, EntryType::StrategyDiscussion);
    EXPECT_EQ(got.cue, "strategy discussion");
}
