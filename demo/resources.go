package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"caseload/model"
)

// resourceTemplates are fictional community programs, a few per category.
var resourceTemplates = []struct {
	category model.ResourceCategory
	names    []string
	hours    string
	elig     string
	// terms are taxonomy terms as an Open Referral directory would tag such
	// a program; the importer's category mapping gives back category.
	terms []string
}{
	{model.CategorySubstanceUse, []string{"Harbor Recovery Center", "New Dawn Outpatient", "Clearwater Counseling (IOP)", "Bridgeway MAT Clinic", "Second Wind Addiction Services", "Crossroads Outpatient Program", "Riverbend Treatment Associates"}, "Mon-Fri 8:00-18:00", "Adults 18+; Medicaid and sliding scale", []string{"Substance Use Treatment", "Outpatient Treatment", "Medication-Assisted Treatment"}},
	{model.CategoryResidential, []string{"Hope House Residential", "Cedar Ridge Men's Program", "Phoenix Women's Residence", "Valley Oaks 28-Day Program", "Serenity Farm"}, "Intake Mon-Thu 9:00-15:00", "Detox completed; referral from officer or provider", []string{"Residential Treatment", "Detoxification", "Inpatient Rehabilitation"}},
	{model.CategoryMentalHealth, []string{"Northside Community Mental Health", "Open Door Counselling", "County Crisis Line & Walk-in", "Beacon Behavioral Health", "Trauma Recovery Collective", "Mindful Path Therapy"}, "Mon-Sat 9:00-19:00; crisis 24/7", "All ages; insurance or county funding", []string{"Mental Health Services", "Counseling", "Crisis Intervention"}},
	{model.CategoryEmployment, []string{"Second Chance Jobs", "WorkSource Center", "Trades Ready Pre-Apprenticeship", "Goodwill Career Center", "Fresh Start Staffing", "Forklift Certification Program"}, "Mon-Fri 9:00-17:00", "Justice-involved adults welcome", []string{"Employment", "Job Search Assistance", "Vocational Training"}},
	{model.CategoryEducation, []string{"Adult Learning Center (GED)", "City College Re-entry Program", "Literacy Volunteers", "Digital Skills Lab", "ESL Evening Classes"}, "Mon-Thu 9:00-20:00", "Adults 16+ not enrolled in school", []string{"Education", "GED Preparation", "Adult Literacy"}},
	{model.CategoryHousing, []string{"Stepping Stones Transitional Housing", "Oxford House (men)", "Oxford House (women)", "Rapid Rehousing Program", "Salvation Army Shelter", "Sober Living Network"}, "Intake by phone, daily", "Homeless or at risk; sobriety required for sober living", []string{"Housing", "Transitional Housing", "Emergency Shelter"}},
	{model.CategoryPeerSupport, []string{"Alcoholics Anonymous - Downtown Group", "Narcotics Anonymous - Eastside", "SMART Recovery Tuesday", "Recovery Cafe", "Peer Recovery Coaches", "Celebrate Recovery"}, "Meetings daily; see schedule", "Open to all", []string{"Peer Support", "Support Groups", "Recovery Coaching"}},
	{model.CategoryFinancial, []string{"Community Action Benefits Help", "Free Tax Prep (VITA)", "Budget Coaching Collaborative", "Emergency Assistance Fund", "SNAP Enrollment Desk"}, "Mon-Fri 10:00-16:00", "Low-income households", []string{"Financial Assistance", "Benefits Enrollment", "Budgeting Help"}},
	{model.CategoryMedical, []string{"Eastside Free Clinic", "Health Care for the Homeless", "County Hepatitis C Program", "Dental Access Day", "Harm Reduction Health Van"}, "Mon-Fri 8:00-17:00", "Uninsured and underinsured", []string{"Medical Care", "Primary Care", "Community Clinics"}},
	{model.CategoryLegal, []string{"Legal Aid Society", "Record Clearing Clinic", "Child Support Modification Help", "Tenant Rights Hotline", "Driver's License Restoration Project"}, "Tue and Thu 13:00-17:00", "Income under 200% of poverty line", []string{"Legal Services", "Record Clearing", "Tenant Rights"}},
	{model.CategoryOther, []string{"Clothing Closet", "ID Recovery Program", "Transportation Vouchers", "Faith Community Mentors"}, "By appointment", "Clients on supervision", []string{"Clothing", "Identification Documents", "Transportation"}},
}

// buildResources makes n resources spread across every category.
func buildResources(rng *rand.Rand, n int) []model.Resource {
	var out []model.Resource
	for i := 0; len(out) < n; i++ {
		t := resourceTemplates[i%len(resourceTemplates)]
		k := i / len(resourceTemplates)
		name := t.names[k%len(t.names)]
		if site := k / len(t.names); site > 0 {
			name = fmt.Sprintf("%s (site %d)", name, site+1)
		}
		out = append(out, model.Resource{
			Name:        name,
			Category:    t.category,
			Tags:        slices.Clone(t.terms),
			Description: fmt.Sprintf("%s: %s", t.category.Label(), t.category.Help()),
			Phone:       fmt.Sprintf("(555) %03d-%04d", 200+rng.IntN(700), rng.IntN(10000)),
			Email:       fmt.Sprintf("intake%d@example.org", i+1),
			Address:     fmt.Sprintf("%d %s", 10+rng.IntN(4000), streets[rng.IntN(len(streets))]),
			Hours:       t.hours,
			Eligibility: t.elig,
			Languages:   []string{"English", "English, Spanish", "English, Spanish, Vietnamese"}[rng.IntN(3)],
		})
	}
	return out
}
