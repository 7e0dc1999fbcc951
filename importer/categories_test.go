package importer

import (
	"testing"

	"caseload/model"
)

func TestCategorizeTriesTextsInOrderAndScoresWholeWords(t *testing.T) {
	tests := []struct {
		texts []string
		want  model.ResourceCategory
	}{
		{[]string{"Mental health"}, model.CategoryMentalHealth},
		{[]string{"substance_use"}, model.CategorySubstanceUse},
		{[]string{"Alcoholics Anonymous - Downtown Group"}, model.CategoryPeerSupport},
		{[]string{"Hope House Residential"}, model.CategoryResidential},
		{[]string{"", "Community Counselling"}, model.CategoryMentalHealth},
		{[]string{"Emergency Food; Housing", "Counselling"}, model.CategoryHousing},
		{[]string{"Tenant Rights Hotline"}, model.CategoryLegal},
		{[]string{"Free Tax Prep (VITA)"}, model.CategoryFinancial},
		{[]string{"Adult Learning Center (GED)"}, model.CategoryEducation},
		{[]string{"Job training"}, model.CategoryEmployment},
		{[]string{"Eastside Free Clinic"}, model.CategoryMedical},
		{[]string{"workshop", "lawn care"}, model.CategoryOther},
		{nil, model.CategoryOther},
	}
	for _, tt := range tests {
		if got := Categorize(tt.texts...); got != tt.want {
			t.Errorf("Categorize(%q) = %s; want %s", tt.texts, got, tt.want)
		}
	}
}

func TestEveryCategoryHasKeywords(t *testing.T) {
	have := map[model.ResourceCategory]bool{}
	for _, c := range categoryKeywords {
		have[c.category] = len(c.keywords) > 0
	}
	for _, o := range model.ResourceCategories() {
		if o.Value != model.CategoryOther && !have[o.Value] {
			t.Errorf("no keywords map onto %s", o.Value)
		}
	}
}
