namespace Entregent.Web.Features.Demo;

/// <summary>Words that dress the synthetic network up as people, companies and schools. All invented.</summary>
internal static class DemoNames
{
    public static readonly string[] FrenchFirstNames =
    [
        "Hélène", "Élodie", "Amélie", "Chloé", "Théo", "Jérôme", "François", "Cécile", "Agnès", "Benoît", "Clément",
        "Noémie", "Loïc", "Maëlle", "Anaïs", "Zoé", "Raphaël", "Gaëlle", "Léa", "Émile", "Irène", "Mathéo", "Inès",
        "Aurélien", "Séverine", "Joël", "Océane", "Lucas", "Camille", "Hugo", "Manon", "Gaël", "Éric", "Solène",
    ];

    public static readonly string[] FrenchLastNames =
    [
        "Lefèvre", "Dupré", "Moreau", "Girard", "Bérenger", "Fournier", "Lemaître", "Rousseau", "Mercier", "Faure",
        "Gauthier", "Lacroix", "Noël", "Perrin", "Brûlé", "Château", "Lévêque", "Garnier", "Chevalier", "Béranger",
        "Rivière", "Poirier", "Ménard", "Lefèbvre", "Duval", "Hébert", "Jourdain", "Lambert", "Prévost", "Benoît",
    ];

    public static readonly string[] EnglishFirstNames =
    [
        "Oliver", "Charlotte", "George", "Amelia", "Harry", "Sophie", "Jack", "Emily", "Thomas", "Grace", "James",
        "Olivia", "William", "Isla", "Henry", "Freya", "Samuel", "Ruby", "Daniel", "Chloe", "Zoë", "Renée",
    ];

    public static readonly string[] EnglishLastNames =
    [
        "Smith", "Taylor", "Brown", "Wilson", "Evans", "Walker", "O'Brien", "Clarke", "Hughes", "Wright", "Hall",
        "Green", "Baker", "Turner", "Hill", "Cooper", "Ward", "Morgan", "Fitzgerald", "Campbell",
    ];

    /// <summary>City, whether it is French-speaking (decides the names and headlines of the people there).</summary>
    public static readonly (string City, bool French)[] Cities =
    [
        ("Lyon", true), ("Paris", true), ("Bordeaux", true), ("Nantes", true), ("Lille", true), ("Toulouse", true),
        ("Grenoble", true), ("Montréal", true), ("Bruxelles", true), ("Genève", true), ("London", false), ("Manchester", false),
    ];

    public static readonly string[] Industries =
    [
        "Conseil", "Logiciel", "Banque", "Assurance", "Santé", "Énergie", "Industrie", "Distribution", "Transport",
        "Immobilier", "Éducation", "Médias", "Télécoms", "Agroalimentaire", "Luxe", "Aéronautique", "Automobile",
        "Tourisme", "Droit", "Secteur public",
    ];

    public static readonly string[] CompanyStems =
    [
        "Acme", "Boréal", "Céleste", "Delta", "Étoile", "Forge", "Granit", "Hélios", "Iris", "Jade", "Kairos", "Lumen",
        "Mistral", "Nérée", "Opale", "Prisme", "Quartz", "Rhône", "Sirius", "Tilleul", "Ulysse", "Vega", "Zénith",
        "Albatros", "Brume", "Cèdre", "Dune", "Éole", "Fjord", "Galet",
    ];

    public static readonly string[] CompanySuffixes =
    [
        "Conseil", "Software", "Banque", "Assurances", "Santé", "Énergie", "Industries", "Distribution", "Logistique",
        "Immobilier", "Formation", "Médias", "Télécom", "Alimentaire", "Maison", "Aéro", "Motors", "Voyages", "Avocats", "Services",
    ];

    public static readonly string[] LegalForms = ["SAS", "", "SA", "", "Ltd", "", "SARL", ""];

    public static readonly string[] SchoolPatterns =
    [
        "Université de {0}", "École supérieure de commerce de {0}", "Institut polytechnique de {0}", "{0} School of Management",
    ];

    public static readonly string[] Titles =
    [
        "Chef de projet", "Ingénieure logiciel", "Consultant senior", "Directrice commerciale", "Data analyst",
        "Product manager", "Responsable RH", "Juriste", "Contrôleuse de gestion", "Architecte SI", "Business developer",
        "Chargée de communication", "CTO", "Directeur financier", "UX designer", "Account manager", "Head of Sales",
        "Software engineer", "Operations manager", "Customer success manager",
    ];

    public static readonly string[] GeneralSkills =
    [
        "Gestion de projet", "Négociation", "Prise de parole en public", "Management", "Leadership", "Anglais",
        "Excel", "Stratégie", "Relation client", "Communication", "Analyse de données", "Agile", "Scrum",
        "Conduite du changement", "Recrutement", "Budget", "Product management", "Public speaking", "Coaching",
        "Marketing digital",
    ];

    public static readonly string[] IndustrySkills =
    [
        "Audit", "Transformation", "C#", "SQL", "Crédit", "Conformité", "Actuariat", "Souscription", "Recherche clinique",
        "Affaires réglementaires", "Photovoltaïque", "Réseaux électriques", "Lean", "Maintenance", "Merchandising",
        "E-commerce", "Supply chain", "Fret", "Promotion immobilière", "Gestion locative", "Pédagogie", "E-learning",
        "Journalisme", "Vidéo", "Réseaux 5G", "Fibre optique", "Qualité", "HACCP", "Retail", "Design produit",
        "Certification", "Propulsion", "Électrification", "Homologation", "Hôtellerie", "Revenue management",
        "Droit des affaires", "Contentieux", "Marchés publics", "Politiques publiques",
    ];
}
