package model

// Stage is a stage of change of the Transtheoretical Model, as observed by the
// officer. The app records observations; it never scores a person.
type Stage string

// The stages of change, in the order the model describes them.
const (
	StagePrecontemplation Stage = "precontemplation"
	StageContemplation    Stage = "contemplation"
	StagePreparation      Stage = "preparation"
	StageAction           Stage = "action"
	StageMaintenance      Stage = "maintenance"
	StageRecurrence       Stage = "recurrence"
)

// StageOption adds to an Option what usually helps at that stage, for the
// stage table shown as help in forms.
type StageOption struct {
	Option[Stage]
	Helps string
}

var stageTable = []StageOption{
	{Option[Stage]{StagePrecontemplation, "Precontemplation", "No intention to change in the foreseeable future; may not see a problem, or has given up after failed tries."}, "Build rapport, raise awareness without pressure, listen."},
	{Option[Stage]{StageContemplation, "Contemplation", "Aware of the problem and thinking of change within months, but ambivalent: pros and cons feel balanced."}, "Explore ambivalence (motivational interviewing), weigh pros and cons."},
	{Option[Stage]{StagePreparation, "Preparation", "Intends to act soon (within a month), may have small steps done; has or is making a plan."}, "Help make a concrete plan, set goals, make referrals."},
	{Option[Stage]{StageAction, "Action", "Has changed behaviour recently (within about six months); effortful and fragile."}, "Reinforce, support coping skills, keep treatment engagement."},
	{Option[Stage]{StageMaintenance, "Maintenance", "Change sustained for more than about six months; working to prevent recurrence."}, "Relapse-prevention planning, know triggers, build a life that supports it."},
	{Option[Stage]{StageRecurrence, "Recurrence", "A return to the old behaviour after action or maintenance."}, "Normalise, re-engage without shame, reassess the stage, adjust the plan."},
}

// StageTable returns the stages with what each looks like and what helps: the
// in-app help of every stage field.
func StageTable() []StageOption { return append([]StageOption(nil), stageTable...) }

// Stages returns the stages as plain options, in model order.
func Stages() []Option[Stage] {
	out := make([]Option[Stage], len(stageTable))
	for i, s := range stageTable {
		out[i] = s.Option
	}
	return out
}

// Label is the stage's name as the officer reads it.
func (s Stage) Label() string { return labelOf(Stages(), s) }

// Help says what the stage looks like.
func (s Stage) Help() string { return helpOf(Stages(), s) }

// Helps says what usually helps at this stage.
func (s Stage) Helps() string {
	for _, o := range stageTable {
		if o.Value == s {
			return o.Helps
		}
	}
	return ""
}

// Valid reports whether s is a known stage.
func (s Stage) Valid() bool { return valid(Stages(), s) }

// Short is a four-letter badge for tight table columns.
func (s Stage) Short() string {
	switch s {
	case StagePrecontemplation:
		return "PRE"
	case StageContemplation:
		return "CON"
	case StagePreparation:
		return "PREP"
	case StageAction:
		return "ACT"
	case StageMaintenance:
		return "MAIN"
	case StageRecurrence:
		return "REC"
	}
	return ""
}

// rank orders the stages along the path of change; recurrence sits below
// action because it is a return from it.
func (s Stage) rank() int {
	switch s {
	case StagePrecontemplation:
		return 1
	case StageContemplation:
		return 2
	case StagePreparation:
		return 3
	case StageAction:
		return 4
	case StageMaintenance:
		return 5
	case StageRecurrence:
		return 0
	}
	return -1
}

// MovedBack reports whether going from one stage to another is a move backwards
// along the path of change (a recurrence always is). The officer's "who has
// moved backwards" list is built from it.
func MovedBack(from, to Stage) bool {
	if from == "" || to == "" || from == to {
		return false
	}
	if to == StageRecurrence {
		return true
	}
	return to.rank() < from.rank() && from != StageRecurrence
}
