package model

// Part2Notice is the notice of 42 CFR § 2.32(a)(1) ("Statement 1", as
// amended by the final rule of 16 February 2024, 89 FR 12472), quoted word
// for word: a summary that carries substance-use information must carry it.
// The long statement is used rather than the one-line Statement 2 because a
// summary goes to readers (supervisors, courts, providers) who need to know
// what they may and may not do with it. TestPart2NoticeIsStatementOne pins
// the words.
const Part2Notice = `This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies:
(i) Further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2.
(ii) You are a covered entity or business associate and have received the record for treatment, payment, or health care operations, or
(iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E.
A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).`

// Part2NoticeTitle heads the notice wherever it is printed. It names what
// the record is rather than the section's heading, which the 2024 rule
// renamed ("Notice and copy of consent to accompany disclosure").
const Part2NoticeTitle = "Notice: 42 CFR Part 2 (§ 2.32), confidential substance use disorder record"

// RedactionStatement is what a redacted summary says of itself in its
// header: every kind of substance-use information the rules below name,
// whether or not the summary held one, since naming only the kinds present
// would itself hint at a client's substance use.
const RedactionStatement = "Left out as substance-use information (42 CFR Part 2): test results and substances, " +
	"screenings, notes and reasons marked sensitive, referrals to substance-use, residential and peer-support " +
	"resources with their reasons and history, substance testing and treatment conditions and their progress, " +
	"and test violations with their responses."
