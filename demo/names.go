package demo

// Names are a mix of common given names and surnames across the communities a
// US supervision office serves; combined at random they are fictional people.
var givenNames = []string{
	"James", "Maria", "Robert", "Aaliyah", "Michael", "Jennifer", "David", "Linda", "William", "Keisha",
	"Jose", "Patricia", "Daniel", "Guadalupe", "Anthony", "Jessica", "Marcus", "Sarah", "Tyrone", "Ashley",
	"Juan", "Brittany", "Kevin", "Amanda", "Christopher", "Tiffany", "Luis", "Nicole", "DeShawn", "Emily",
	"Carlos", "Samantha", "Brandon", "Latoya", "Justin", "Rebecca", "Miguel", "Crystal", "Terrence", "Megan",
	"Andre", "Rosa", "Jamal", "Heather", "Eric", "Vanessa", "Jonathan", "Destiny", "Ricardo", "Amber",
	"Darnell", "Kayla", "Steven", "Ana", "Joshua", "Monique", "Hector", "Danielle", "Cody", "Yesenia",
	"Travis", "Shanice", "Dustin", "Erica", "Raymond", "Lakisha", "Nathan", "Mei", "Kenji", "Priya",
	"Ahmed", "Fatima", "Dmitri", "Olga", "Tuan", "Linh", "Wei", "Nadia", "Omar", "Leticia",
}

var surnames = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
	"Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
	"Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
	"Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
	"Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
	"Washington", "Jefferson", "Okafor", "Mensah", "Kowalski", "Novak", "Patel", "Singh", "Khan", "Chen",
	"Tran", "Pham", "Ivanov", "Haddad", "Begay", "Yazzie", "O'Brien", "McCarthy", "Delgado", "Castillo",
}

var nicknames = map[string]string{
	"James": "Jimmy", "Robert": "Bobby", "Michael": "Mike", "William": "Will", "Daniel": "Danny",
	"Anthony": "Tony", "Christopher": "Chris", "Jonathan": "Jon", "Joshua": "Josh", "Patricia": "Trish",
	"Jennifer": "Jen", "Samantha": "Sam", "Rebecca": "Becca", "Guadalupe": "Lupe", "Nathan": "Nate",
}

var streets = []string{
	"Maple Ave", "Oak St", "Cedar Ln", "Pine St", "Elm St", "Washington Blvd", "Lincoln Ave", "Park Rd",
	"Lakeview Dr", "Hillcrest Rd", "Main St", "2nd St", "3rd Ave", "Riverside Dr", "Sunset Blvd", "Church St",
	"Mill Rd", "Highland Ave", "Jackson St", "Franklin Ave",
}

var substances = []string{"alcohol", "cannabis", "cocaine", "methamphetamine", "opioids", "fentanyl", "benzodiazepines"}

var locations = map[string][]string{
	"office":     {"District office", "District office, room 2", "Satellite office"},
	"home":       {"Residence", "Residence (porch)", "Mother's home"},
	"field":      {"Workplace", "Treatment center lobby", "Library", "Coffee shop on Main St", "Shelter"},
	"phone":      {""},
	"video":      {""},
	"collateral": {"Employer by phone", "Treatment counsellor", "Mother by phone", "Shelter case manager"},
}

// notes are short observations in the officer's voice; the demo picks by
// outcome so that the record reads true.
var completedNotes = []string{
	"Reports working full shifts at the warehouse; pay stubs seen.",
	"Discussed triggers around old friends; client named two people to avoid.",
	"Attending IOP three times a week per counsellor.",
	"Housing stable; lease in own name now.",
	"Talked through ambivalence about stopping drinking; weighed pros and cons.",
	"Brought proof of community service hours (12 so far).",
	"Mood low; says sleep is poor. Offered mental-health referral.",
	"Reports 60 days clean; proud of it. Reinforced coping skills.",
	"Missed a meeting last week, made it up Saturday.",
	"Looking for work; two applications in. Discussed job-training program.",
	"Family conflict at home; safety plan reviewed.",
	"Restitution payment made; receipt seen.",
	"Says cravings worse on weekends; planned Saturday activities.",
	"Enrolled in GED classes starting next month.",
	"Reviewed conditions; client understands curfew.",
}

var otherNotes = map[string][]string{
	"attempted":   {"No answer at the door; card left.", "Not at listed address; neighbour says moved out last week.", "Phone went to voicemail twice."},
	"no_show":     {"Did not report for scheduled office visit.", "Missed appointment; no call.", "No-show; left message to reschedule."},
	"rescheduled": {"Client called ahead: work shift; moved to next week.", "Rescheduled for medical appointment (letter provided).", "Office closed for weather; rescheduled."},
}

var stageNotes = map[string][]string{
	"precontemplation": {"Says the arrest was bad luck; does not see a problem with drinking.", "Not interested in treatment right now."},
	"contemplation":    {"Thinking about cutting back; worried about losing kids' visits.", "Knows use is a problem but not ready to commit."},
	"preparation":      {"Wants to start treatment next month; asked about programs.", "Has set a quit date."},
	"action":           {"In treatment and using coping skills; fragile but committed.", "Two months without use; going to meetings."},
	"maintenance":      {"Over six months in recovery; building a routine.", "Mentoring newer members at group."},
	"recurrence":       {"Used after a family funeral; open about it. Re-engaging with counsellor.", "Returned to drinking after job loss; wants to get back on track."},
}
