package model

// ContactType is how a check-in happened.
type ContactType string

// Contact types.
const (
	ContactOffice     ContactType = "office"
	ContactHome       ContactType = "home"
	ContactField      ContactType = "field"
	ContactPhone      ContactType = "phone"
	ContactVideo      ContactType = "video"
	ContactCollateral ContactType = "collateral"
)

var contactTypes = []Option[ContactType]{
	{ContactOffice, "Office", "The client reported to the office."},
	{ContactHome, "Home", "A visit at the client's residence."},
	{ContactField, "Field", "Met in the community: workplace, treatment site, elsewhere."},
	{ContactPhone, "Phone", "A phone call with the client."},
	{ContactVideo, "Video", "A video call with the client."},
	{ContactCollateral, "Collateral", "A contact with a family member, employer or provider about the client."},
}

// ContactTypes lists the contact types.
func ContactTypes() []Option[ContactType] { return copyOf(contactTypes) }

// Label is the officer-facing name.
func (v ContactType) Label() string { return labelOf(contactTypes, v) }

// Help is the one-line explanation.
func (v ContactType) Help() string { return helpOf(contactTypes, v) }

// Valid reports whether v is known.
func (v ContactType) Valid() bool { return valid(contactTypes, v) }

// Outcome is how a check-in ended.
type Outcome string

// Outcomes.
const (
	OutcomeCompleted   Outcome = "completed"
	OutcomeAttempted   Outcome = "attempted"
	OutcomeNoShow      Outcome = "no_show"
	OutcomeRescheduled Outcome = "rescheduled"
)

var outcomes = []Option[Outcome]{
	{OutcomeCompleted, "Completed", "The contact took place."},
	{OutcomeAttempted, "Attempted, not found", "The officer tried but did not reach the client."},
	{OutcomeNoShow, "No-show", "The client missed a scheduled contact."},
	{OutcomeRescheduled, "Rescheduled", "The contact was moved to another time."},
}

// Outcomes lists the outcomes.
func Outcomes() []Option[Outcome] { return copyOf(outcomes) }

// Label is the officer-facing name.
func (v Outcome) Label() string { return labelOf(outcomes, v) }

// Help is the one-line explanation.
func (v Outcome) Help() string { return helpOf(outcomes, v) }

// Valid reports whether v is known.
func (v Outcome) Valid() bool { return valid(outcomes, v) }

// TestResult is the result of a drug or alcohol test at a check-in.
type TestResult string

// Test results.
const (
	TestNotTested TestResult = "not_tested"
	TestNegative  TestResult = "negative"
	TestPositive  TestResult = "positive"
	TestRefused   TestResult = "refused"
	TestDilute    TestResult = "dilute"
	TestAdmitted  TestResult = "admitted"
)

var testResults = []Option[TestResult]{
	{TestNotTested, "Not tested", "No test at this contact."},
	{TestNegative, "Negative", "Tested; nothing found."},
	{TestPositive, "Positive", "Tested positive; name the substances."},
	{TestRefused, "Refused", "The client refused the test."},
	{TestDilute, "Dilute/invalid", "The sample was dilute, tampered with or otherwise invalid."},
	{TestAdmitted, "Admitted use", "The client admitted use; name the substances."},
}

// TestResults lists the test results.
func TestResults() []Option[TestResult] { return copyOf(testResults) }

// Label is the officer-facing name.
func (v TestResult) Label() string { return labelOf(testResults, v) }

// Help is the one-line explanation.
func (v TestResult) Help() string { return helpOf(testResults, v) }

// Valid reports whether v is known.
func (v TestResult) Valid() bool { return valid(testResults, v) }

// Tested reports whether a test was taken or refused: anything but "not tested".
func (v TestResult) Tested() bool { return v != "" && v != TestNotTested }

// NamesSubstances reports whether this result should name substances.
func (v TestResult) NamesSubstances() bool { return v == TestPositive || v == TestAdmitted }

// RiskFlag is something the officer noticed at a contact that raises risk.
type RiskFlag string

// Risk flags.
const (
	FlagTrigger        RiskFlag = "trigger"
	FlagCraving        RiskFlag = "craving"
	FlagDistress       RiskFlag = "distress"
	FlagHighRisk       RiskFlag = "high_risk"
	FlagNewArrest      RiskFlag = "new_arrest"
	FlagEmploymentLost RiskFlag = "employment_lost"
	FlagHousingLost    RiskFlag = "housing_lost"
)

var riskFlags = []Option[RiskFlag]{
	{FlagTrigger, "Trigger", "Exposure to a known trigger: a person, place or situation."},
	{FlagCraving, "Craving", "The client reports cravings."},
	{FlagDistress, "Emotional distress", "Marked anxiety, anger, grief or low mood."},
	{FlagHighRisk, "High-risk situation", "In a situation that makes use or offending likely."},
	{FlagNewArrest, "New arrest", "Arrested or charged since the last contact."},
	{FlagEmploymentLost, "Employment lost", "Lost a job since the last contact."},
	{FlagHousingLost, "Housing lost", "Lost housing since the last contact."},
}

// RiskFlags lists the risk flags.
func RiskFlags() []Option[RiskFlag] { return copyOf(riskFlags) }

// Label is the officer-facing name.
func (v RiskFlag) Label() string { return labelOf(riskFlags, v) }

// Help is the one-line explanation.
func (v RiskFlag) Help() string { return helpOf(riskFlags, v) }

// Valid reports whether v is known.
func (v RiskFlag) Valid() bool { return valid(riskFlags, v) }

// SupervisionType is the legal kind of supervision.
type SupervisionType string

// Supervision types.
const (
	SupervisionProbation SupervisionType = "probation"
	SupervisionParole    SupervisionType = "parole"
	SupervisionPretrial  SupervisionType = "pretrial"
	SupervisionDiversion SupervisionType = "diversion"
)

var supervisionTypes = []Option[SupervisionType]{
	{SupervisionProbation, "Probation", "Court-ordered supervision in the community instead of custody."},
	{SupervisionParole, "Parole", "Supervised release after a prison term."},
	{SupervisionPretrial, "Pretrial", "Supervision while a case is pending."},
	{SupervisionDiversion, "Diversion", "A program that can end the case without a conviction."},
}

// SupervisionTypes lists the supervision types.
func SupervisionTypes() []Option[SupervisionType] { return copyOf(supervisionTypes) }

// Label is the officer-facing name.
func (v SupervisionType) Label() string { return labelOf(supervisionTypes, v) }

// Help is the one-line explanation.
func (v SupervisionType) Help() string { return helpOf(supervisionTypes, v) }

// Valid reports whether v is known.
func (v SupervisionType) Valid() bool { return valid(supervisionTypes, v) }

// Level is the supervision level, which sets the expected contact interval.
type Level string

// Supervision levels.
const (
	LevelLow       Level = "low"
	LevelModerate  Level = "moderate"
	LevelHigh      Level = "high"
	LevelIntensive Level = "intensive"
)

var levels = []Option[Level]{
	{LevelLow, "Low", "Low risk: contact about every 90 days by default."},
	{LevelModerate, "Moderate", "Moderate risk: contact about every 30 days by default."},
	{LevelHigh, "High", "High risk: contact about every 14 days by default."},
	{LevelIntensive, "Intensive", "Intensive supervision: contact about every 7 days by default."},
}

// Levels lists the supervision levels.
func Levels() []Option[Level] { return copyOf(levels) }

// Label is the officer-facing name.
func (v Level) Label() string { return labelOf(levels, v) }

// Help is the one-line explanation.
func (v Level) Help() string { return helpOf(levels, v) }

// Valid reports whether v is known.
func (v Level) Valid() bool { return valid(levels, v) }

// ClientStatus says whether a client is on the active caseload.
type ClientStatus string

// Client statuses.
const (
	StatusActive    ClientStatus = "active"
	StatusClosed    ClientStatus = "closed"
	StatusAbsconded ClientStatus = "absconded"
	StatusInCustody ClientStatus = "in_custody"
)

var clientStatuses = []Option[ClientStatus]{
	{StatusActive, "Active", "On supervision; contacts are due."},
	{StatusClosed, "Closed", "Supervision ended; kept for the record."},
	{StatusAbsconded, "Absconded", "Whereabouts unknown; contacts are not scheduled."},
	{StatusInCustody, "In custody", "Held in jail or prison; contacts are not scheduled."},
}

// ClientStatuses lists the client statuses.
func ClientStatuses() []Option[ClientStatus] { return copyOf(clientStatuses) }

// Label is the officer-facing name.
func (v ClientStatus) Label() string { return labelOf(clientStatuses, v) }

// Help is the one-line explanation.
func (v ClientStatus) Help() string { return helpOf(clientStatuses, v) }

// Valid reports whether v is known.
func (v ClientStatus) Valid() bool { return valid(clientStatuses, v) }

// ResourceCategory is the kind of help a community resource gives.
type ResourceCategory string

// Resource categories.
const (
	CategorySubstanceUse ResourceCategory = "substance_use"
	CategoryResidential  ResourceCategory = "residential"
	CategoryMentalHealth ResourceCategory = "mental_health"
	CategoryEmployment   ResourceCategory = "employment"
	CategoryEducation    ResourceCategory = "education"
	CategoryHousing      ResourceCategory = "housing"
	CategoryPeerSupport  ResourceCategory = "peer_support"
	CategoryFinancial    ResourceCategory = "financial"
	CategoryMedical      ResourceCategory = "medical"
	CategoryLegal        ResourceCategory = "legal"
	CategoryOther        ResourceCategory = "other"
)

var resourceCategories = []Option[ResourceCategory]{
	{CategorySubstanceUse, "Substance-use treatment", "Outpatient treatment, counselling, medication for addiction."},
	{CategoryResidential, "Residential treatment", "Live-in treatment programs."},
	{CategoryMentalHealth, "Mental health", "Counselling, psychiatry, crisis services."},
	{CategoryEmployment, "Employment / job training", "Job search help, training, apprenticeships."},
	{CategoryEducation, "Education", "GED, literacy, college and vocational courses."},
	{CategoryHousing, "Housing", "Shelter, transitional and supported housing."},
	{CategoryPeerSupport, "Peer support", "Recovery groups and peer mentors."},
	{CategoryFinancial, "Financial", "Benefits, budgeting, emergency funds."},
	{CategoryMedical, "Medical", "Primary care, clinics, health services."},
	{CategoryLegal, "Legal", "Legal aid, record clearing, court help."},
	{CategoryOther, "Other", "Anything else."},
}

// ResourceCategories lists the resource categories.
func ResourceCategories() []Option[ResourceCategory] { return copyOf(resourceCategories) }

// Label is the officer-facing name.
func (v ResourceCategory) Label() string { return labelOf(resourceCategories, v) }

// Help is the one-line explanation.
func (v ResourceCategory) Help() string { return helpOf(resourceCategories, v) }

// Valid reports whether v is known.
func (v ResourceCategory) Valid() bool { return valid(resourceCategories, v) }
