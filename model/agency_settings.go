package model

// The agency's settings are the contact intervals, the caseload standards
// and the response ladders and matrix: policy, the same for every officer.
// A file that does not sync keeps its own. In a file that syncs with the
// agency's server they are the agency's: a supervisor's file changes them
// and each officer's laptop takes them with the next sync, so two officers
// never work to different standards without knowing it.

// AgencySettingsBy says whether a file may change the agency's settings:
// any file that does not sync, and a supervisor's that does. role is the
// kind of login the server lists for the file ("" before its first sync).
func AgencySettingsBy(syncing bool, role string) bool {
	return !syncing || role == "supervisor"
}

// AgencySettingKept is the answer to an officer who changes one of the
// agency's settings in a synced file, given next to each field changed.
func AgencySettingKept(fields ...string) error {
	var p problems
	for _, f := range fields {
		p.add(f, "the agency's setting: a supervisor changes it, and it reaches this laptop with the sync")
	}
	return p.err()
}
