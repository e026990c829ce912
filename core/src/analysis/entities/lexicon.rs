//! Gazetteers (compiled in from `core/data`, see docs/data-credits.md) and
//! the small closed vocabularies the recognizer uses: organisation and place
//! head words, person titles, words that never name an entity.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("../../../data/countries.tsv");
const PLACES: &str = include_str!("../../../data/places.txt");
const DEMONYMS: &str = include_str!("../../../data/demonyms.tsv");
const GIVEN_NAMES: &str = include_str!("../../../data/given_names.txt");
const COMMON_WORDS: &str = include_str!("../../../data/common_words.txt");
const CURRENCIES: &str = include_str!("../../../data/currencies.txt");

/// A fast multiplicative hash for short keys (in the manner of FxHash):
/// gazetteers are built once and looked up for every capitalised word.
#[derive(Default)]
pub struct Fnv(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for Fnv {
    #[inline(always)]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        // bytes gathered by hand: no call to memcpy even when optimised
        // for size
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = c.iter().rev().fold(0u64, |v, &b| (v << 8) | u64::from(b));
            h = (h.rotate_left(5) ^ v).wrapping_mul(K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let v = rest
                .iter()
                .rev()
                .fold(0u64, |v, &b| (v << 8) | u64::from(b));
            h = (h.rotate_left(5) ^ v ^ rest.len() as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    #[inline(always)]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(K);
    }
}

pub type FnvBuild = BuildHasherDefault<Fnv>;

/// A small closed word list: a 1024-bit filter on the first and last bytes
/// and the length turns most words away before any hashing.
pub struct Words {
    filter: [u64; 16],
    set: Set,
}

impl Words {
    #[inline(always)]
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let first = usize::from(b.first().copied().unwrap_or(0));
        let last = usize::from(b.last().copied().unwrap_or(0));
        (first.wrapping_mul(31) ^ last.wrapping_mul(7) ^ b.len().wrapping_mul(131)) & 1023
    }

    #[inline(always)]
    pub fn contains(&self, w: &str) -> bool {
        let k = Self::slot(w);
        self.filter[k >> 6] & (1 << (k & 63)) != 0 && self.set.contains(w)
    }
}

impl FromIterator<&'static str> for Words {
    fn from_iter<I: IntoIterator<Item = &'static str>>(iter: I) -> Self {
        let mut w = Words {
            filter: [0; 16],
            set: Set::default(),
        };
        for x in iter {
            let k = Self::slot(x);
            w.filter[k >> 6] |= 1 << (k & 63);
            w.set.insert(x);
        }
        w
    }
}
pub type Set = HashSet<&'static str, FnvBuild>;
pub type Map<V> = HashMap<&'static str, V, FnvBuild>;

pub struct Lexicon {
    /// Every country name and code → its canonical name.
    pub countries: Map<&'static str>,
    pub places: Set,
    /// Demonym ("Syrian") → country ("Syria").
    pub demonyms: Map<&'static str>,
    pub given: Set,
    /// Lowercase common English word → frequency rank.
    pub common: Map<u32>,
    pub currencies: Set,
}

pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut countries = Map::default();
        for line in COUNTRIES.lines() {
            let mut it = line.split('\t');
            if let Some(canon) = it.next() {
                countries.insert(canon, canon);
                for alt in it {
                    countries.entry(alt).or_insert(canon);
                }
            }
        }
        let mut demonyms = Map::default();
        for line in DEMONYMS.lines() {
            if let Some((d, c)) = line.split_once('\t') {
                demonyms.insert(d, c);
            }
        }
        // unions of countries are places too (as in "banned in the EU")
        let mut places: Set = PLACES.lines().collect();
        places.extend(["European Union", "EU", "E.U."]);
        Lexicon {
            countries,
            places,
            demonyms,
            given: GIVEN_NAMES.lines().collect(),
            common: COMMON_WORDS
                .lines()
                .enumerate()
                .map(|(i, w)| (w, i as u32))
                .collect(),
            currencies: CURRENCIES.lines().collect(),
        }
    })
}

/// Abbreviations that keep their period inside the token.
pub fn is_abbrev(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Inc", "Ltd", "Corp", "Co", "Jr", "Sr", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen",
            "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Prof", "Rev", "Mt", "Ft", "Bros", "Hon",
            "Dept", "Maj", "Adm", "Cmdr", "Brig", "Messrs", "Mme", "Mlle", "Pres", "Supt", "Insp",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Last words that make a name an organisation ("… Airlines", "… Inc.").
pub fn org_head(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Inc",
            "Inc.",
            "Corp",
            "Corp.",
            "Corporation",
            "Co.",
            "Company",
            "Companies",
            "Ltd",
            "Ltd.",
            "Limited",
            "LLC",
            "PLC",
            "plc",
            "AG",
            "SA",
            "NV",
            "N.V.",
            "S.A.",
            "GmbH",
            "Group",
            "Holdings",
            "Airlines",
            "Airways",
            "Airline",
            "Bank",
            "Motors",
            "Industries",
            "Systems",
            "Technologies",
            "Technology",
            "Communications",
            "Networks",
            "Partners",
            "Capital",
            "Ventures",
            "Associates",
            "Foundation",
            "Institute",
            "University",
            "College",
            "School",
            "Academy",
            "Ministry",
            "Department",
            "Agency",
            "Administration",
            "Authority",
            "Bureau",
            "Commission",
            "Committee",
            "Council",
            "Court",
            "Courts",
            "Parliament",
            "Assembly",
            "Senate",
            "Congress",
            "Party",
            "Army",
            "Navy",
            "Force",
            "Forces",
            "Guard",
            "Police",
            "Service",
            "Services",
            "Office",
            "Board",
            "Union",
            "Federation",
            "Association",
            "Society",
            "League",
            "Alliance",
            "Coalition",
            "Front",
            "Movement",
            "Brigade",
            "Brigades",
            "Organization",
            "Organisation",
            "Observatory",
            "Network",
            "Times",
            "Post",
            "Journal",
            "News",
            "Herald",
            "Tribune",
            "Gazette",
            "Telegraph",
            "Press",
            "Media",
            "Broadcasting",
            "Television",
            "Radio",
            "Records",
            "Studios",
            "Pictures",
            "Entertainment",
            "Corps",
            "Computer",
            "Computers",
            "Electronics",
            "Software",
            "Labs",
            "Laboratories",
            "Club",
            "FC",
            "Church",
            "Hospital",
            "Exchange",
            "Reserve",
            "Fund",
            "Trust",
            "Cabinet",
            "Government",
            "Secretariat",
            "Embassy",
            "Consulate",
            "Tribunal",
            "Aircraft",
            "Aerospace",
            "Dynamics",
            "Energy",
            "Petroleum",
            "Steel",
            "Railways",
            "Railway",
            "Telecom",
            "Wireless",
            "Airplanes",
            "Research",
            "Consortium",
            "Caucus",
            "Regiment",
            "Battalion",
            "Division",
            "Command",
            "Unit",
            "Directorate",
            "Inquiry",
            "Magazine",
            "Review",
            "Daily",
            "Weekly",
            "Agencies",
            "Insurance",
            "Securities",
            "Investments",
            "Pharmaceuticals",
            "Foods",
            "Brands",
            "Stores",
            "Mart",
            "Motor",
            "Chemicals",
            "Mining",
            "Oil",
            "Gas",
            "Enterprises",
            "Solutions",
            "Labour",
            "Synod",
            "Cartel",
            "Air",
            "Justice",
            "Program",
            "Programme",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Last words of product names: editions ("… Pro", "… Mini") and kinds of
/// machines ("Joint Strike Fighter").
pub fn product_head(w: &str) -> bool {
    matches!(
        w,
        "Pro"
            | "Mini"
            | "Nano"
            | "Max"
            | "Ultra"
            | "Lite"
            | "Touch"
            | "Classic"
            | "Fighter"
            | "Bomber"
            | "Helicopter"
            | "Phone"
            | "Browser"
            | "Console"
            | "Edition"
    )
}

/// First words of organisation names built with "of" ("Ministry of …").
pub fn of_head(w: &str) -> bool {
    org_head(w) || place_head(w) || {
        static S: OnceLock<Words> = OnceLock::new();
        S.get_or_init(|| {
            [
                "Republic",
                "Kingdom",
                "Emirate",
                "Emirates",
                "State",
                "States",
                "Principality",
                "Duchy",
                "Sultanate",
                "Commonwealth",
                "Federation",
                "Isle",
                "Gulf",
                "Bay",
                "Cape",
                "Strait",
                "Straits",
                "Duke",
                "Prince",
                "Princess",
                "Archbishop",
                "Bishop",
                "Bank",
                "Queen",
                "King",
                "Museum",
                "Chamber",
                "Centre",
                "Center",
                "Federal",
                "Friends",
                "Sisters",
                "Brothers",
                "Knights",
                "Daughters",
                "Sons",
                "Secretary",
                "Minister",
                "Mayor",
                "Governor",
                "President",
                "Houses",
                "House",
                "Hall",
                "City",
                "Town",
                "Port",
                "Sea",
                "Ocean",
                "Lake",
                "Mount",
                "Battle",
                "Siege",
                "Treaty",
                "Act",
                "Statute",
                "Declaration",
                "Charter",
                "Convention",
                "Protocol",
                "Pact",
                "Council",
                "Office",
                "Court",
                "Courts",
                "Tower",
                "Church",
                "Cathedral",
                "Temple",
                "Palace",
                "Bureau",
                "Library",
                "Order",
                "Army",
            ]
            .into_iter()
            .collect::<Words>()
        })
        .contains(w)
    }
}

/// Last words that make a name a place ("… Airport", "… Ocean").
pub fn place_head(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Airport",
            "Ocean",
            "Sea",
            "River",
            "Lake",
            "Mountain",
            "Mountains",
            "Island",
            "Islands",
            "Peninsula",
            "Valley",
            "Desert",
            "Gulf",
            "Bay",
            "Strait",
            "Canal",
            "Coast",
            "Province",
            "Region",
            "County",
            "District",
            "Territory",
            "Territories",
            "Street",
            "Avenue",
            "Road",
            "Square",
            "Bridge",
            "Park",
            "Station",
            "Center",
            "Centre",
            "Hall",
            "Tower",
            "Towers",
            "Palace",
            "Building",
            "Stadium",
            "Arena",
            "Harbor",
            "Harbour",
            "Plaza",
            "Heights",
            "Hills",
            "Beach",
            "Falls",
            "Forest",
            "Canyon",
            "Plain",
            "Plains",
            "Basin",
            "Factory",
            "Plant",
            "Base",
            "Airfield",
            "Airbase",
            "Camp",
            "Prison",
            "Mall",
            "Boulevard",
            "Highway",
            "Motorway",
            "Crossing",
            "Border",
            "Governorate",
            "Oblast",
            "Prefecture",
            "Municipality",
            "Village",
            "Quarter",
            "Cathedral",
            "Mosque",
            "Temple",
            "Strip",
            "Bank",
            "Glacier",
            "Reef",
            "Volcano",
            "Peak",
            "Dam",
            "Reservoir",
            "Shore",
            "Terminal",
            "Port",
            "Pier",
            "Dock",
            "Field",
            "Gardens",
            "Zoo",
            "Campus",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// First words that make a name a place ("Mount …", "Lake …").
pub fn place_prefix(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Mount", "Mt.", "Lake", "Gulf", "Cape", "Isle", "Fort", "Port", "Saint", "St.", "Camp",
            "Lake", "Sierra",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Last words of named events.
pub fn event_head(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Conference",
            "Summit",
            "Games",
            "Olympics",
            "War",
            "Festival",
            "Show",
            "Expo",
            "Championship",
            "Championships",
            "Cup",
            "Election",
            "Elections",
            "Revolution",
            "Crisis",
            "Massacre",
            "Uprising",
            "Awards",
            "Marathon",
            "Tournament",
            "Olympiad",
            "Spring",
            "Offensive",
            "Operation",
            "Fair",
            "Week",
            "Forum",
            "Convention",
            "Rally",
            "Referendum",
            "Genocide",
            "Holocaust",
            "Pandemic",
            "Open",
            "Year",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Holidays and other named days: events.
pub fn holiday(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Christmas",
            "Easter",
            "Ramadan",
            "Eid",
            "Thanksgiving",
            "Hanukkah",
            "Diwali",
            "Passover",
            "Halloween",
            "Lent",
            "Yom",
            "Nowruz",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Last words of titles of laws, treaties and other works.
pub fn work_head(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Act",
            "Treaty",
            "Accord",
            "Accords",
            "Agreement",
            "Protocol",
            "Charter",
            "Resolution",
            "Declaration",
            "Doctrine",
            "Constitution",
            "Bill",
            "Report",
            "Pact",
            "Memorandum",
            "Manifesto",
            "Statute",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Titles and roles written before a person's name ("President", "Mr."),
/// each with whether it is *strong*: never a name on its own, and marking
/// what follows as a person ("Mr", "Senator"; not "Chief" or "Prime").
const PERSON_TITLES: &[(&str, bool)] = &[
    ("President", true),
    ("Mr.", true),
    ("Mr", true),
    ("Mrs", true),
    ("Mrs.", true),
    ("Ms", true),
    ("Ms.", true),
    ("Dr", true),
    ("Dr.", true),
    ("Sir", true),
    ("Dame", true),
    ("Lord", true),
    ("Lady", true),
    ("Vice", false),
    ("Prime", false),
    ("Minister", true),
    ("Premier", true),
    ("Chancellor", true),
    ("Senator", true),
    ("Sen.", true),
    ("Rep.", true),
    ("Representative", false),
    ("Congressman", true),
    ("Congresswoman", true),
    ("Governor", true),
    ("Gov.", true),
    ("Mayor", true),
    ("King", true),
    ("Queen", true),
    ("Prince", true),
    ("Princess", true),
    ("Emperor", false),
    ("Empress", false),
    ("Pope", true),
    ("Cardinal", true),
    ("Bishop", true),
    ("Archbishop", true),
    ("Rabbi", true),
    ("Imam", true),
    ("Sheikh", true),
    ("Shaikh", true),
    ("Emir", true),
    ("Sultan", true),
    ("General", true),
    ("Gen.", true),
    ("Lieutenant", true),
    ("Lt.", true),
    ("Colonel", true),
    ("Col.", true),
    ("Major", false),
    ("Maj.", false),
    ("Captain", true),
    ("Capt.", true),
    ("Commander", false),
    ("Admiral", true),
    ("Adm.", false),
    ("Sergeant", true),
    ("Sgt.", true),
    ("Judge", true),
    ("Justice", true),
    ("Presiding", false),
    ("Chief", false),
    ("Executive", false),
    ("CEO", true),
    ("Chairman", true),
    ("Chairwoman", true),
    ("Chairperson", false),
    ("Director", false),
    ("Secretary", true),
    ("Ambassador", true),
    ("Spokesman", true),
    ("Spokeswoman", true),
    ("Spokesperson", true),
    ("Professor", true),
    ("Prof.", true),
    ("Father", false),
    ("Officer", false),
    ("Deputy", false),
    ("Former", false),
    ("Interim", false),
    ("Acting", false),
    ("Founder", false),
    ("Co-founder", false),
    ("Analyst", false),
    ("Leader", false),
    ("Coach", false),
    ("Detective", true),
    ("Inspector", true),
    ("Agent", false),
    ("Ayatollah", true),
    ("Grand", false),
    ("Marshal", true),
    ("Field", false),
    ("Crown", false),
    ("Foreign", false),
    ("Defence", false),
    ("Defense", false),
    ("Interior", false),
    ("Finance", false),
    ("Attorney", false),
    ("Supreme", false),
    ("Mullah", true),
    ("Reverend", true),
    ("Rev.", true),
    ("Pastor", true),
    ("Elder", false),
    ("Councillor", false),
    ("Councilman", false),
    ("Commissioner", true),
    ("Speaker", false),
    ("Minister-President", false),
    ("Chair", false),
    ("Head", false),
    ("Dean", false),
    ("Superintendent", false),
    ("Operating", false),
    ("Financial", false),
    ("Technology", false),
    ("Vice-President", false),
    ("Secretary-General", false),
    ("Sergeant-Major", false),
    ("Corporal", false),
    ("Brigadier", true),
    ("Vice-Admiral", false),
    ("Counsel", false),
    ("Lawyer", false),
    ("Prosecutor", false),
    ("Senior", false),
    ("Junior", false),
    ("Assistant", false),
    ("Associate", false),
    ("Managing", false),
    ("Editor", false),
    ("Correspondent", false),
    ("Reporter", false),
    ("Manager", false),
    ("Coordinator", false),
    ("Envoy", false),
    ("Special", false),
    ("Ex", false),
    ("Undersecretary", true),
];

/// A word of [`PERSON_TITLES`].
pub fn person_title(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| PERSON_TITLES.iter().map(|&(t, _)| t).collect())
        .contains(w)
}

/// A strong word of [`PERSON_TITLES`].
pub fn strong_person_title(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        PERSON_TITLES
            .iter()
            .filter(|&&(_, strong)| strong)
            .map(|&(t, _)| t)
            .collect()
    })
    .contains(w)
}

/// Lowercase role nouns written before a person's name ("analyst Jane Doe").
pub fn role_noun(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "analyst",
            "minister",
            "president",
            "chairman",
            "chairwoman",
            "executive",
            "officer",
            "director",
            "founder",
            "co-founder",
            "leader",
            "commander",
            "colleague",
            "wife",
            "husband",
            "son",
            "daughter",
            "father",
            "mother",
            "brother",
            "sister",
            "actor",
            "actress",
            "singer",
            "author",
            "writer",
            "journalist",
            "reporter",
            "correspondent",
            "lawyer",
            "attorney",
            "judge",
            "senator",
            "governor",
            "mayor",
            "secretary",
            "ambassador",
            "envoy",
            "official",
            "chief",
            "manager",
            "coach",
            "player",
            "striker",
            "professor",
            "researcher",
            "scientist",
            "economist",
            "expert",
            "adviser",
            "advisor",
            "aide",
            "ceo",
            "premier",
            "chancellor",
            "king",
            "queen",
            "prince",
            "princess",
            "general",
            "colonel",
            "captain",
            "lieutenant",
            "sergeant",
            "admiral",
            "pilot",
            "photographer",
            "editor",
            "producer",
            "director-general",
            "deputy",
            "rapper",
            "musician",
            "guitarist",
            "drummer",
            "composer",
            "artist",
            "painter",
            "poet",
            "novelist",
            "historian",
            "philosopher",
            "candidate",
            "nominee",
            "activist",
            "dissident",
            "blogger",
            "presenter",
            "anchor",
            "cleric",
            "preacher",
            "priest",
            "bishop",
            "commentator",
            "strategist",
            "investor",
            "entrepreneur",
            "billionaire",
            "banker",
            "designer",
            "engineer",
            "architect",
            "inventor",
            "founder",
            "boss",
            "mr",
            "mrs",
            "ms",
            "dr",
            "defender",
            "midfielder",
            "goalkeeper",
            "manager",
            "physician",
            "doctor",
            "nurse",
            "surgeon",
            "teacher",
            "student",
            "neighbour",
            "neighbor",
            "friend",
            "victim",
            "suspect",
            "defendant",
            "plaintiff",
            "witness",
            "lawmaker",
            "legislator",
            "congressman",
            "congresswoman",
            "councillor",
            "councilman",
            "councilwoman",
            "commissioner",
            "prosecutor",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Words after a name that make it a person's when the name has two words or
/// more ("Jane Doe said").
pub fn speech_verb(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "said",
            "says",
            "told",
            "added",
            "stated",
            "explained",
            "noted",
            "argued",
            "insisted",
            "wrote",
            "asked",
            "replied",
            "recalled",
            "admitted",
            "stressed",
            "warned",
            "claimed",
            "tweeted",
            "commented",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Capitalised tokens that never name an entity on their own: months, days,
/// units, time zones, common abbreviations of roles.
pub fn never_entity(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
            "Jan.",
            "Feb.",
            "Mar.",
            "Apr.",
            "Jun.",
            "Jul.",
            "Aug.",
            "Sep.",
            "Sept.",
            "Oct.",
            "Nov.",
            "Dec.",
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "CEO",
            "CFO",
            "COO",
            "CTO",
            "CIO",
            "VP",
            "MP",
            "MPs",
            "TV",
            "PC",
            "GB",
            "MB",
            "KB",
            "TB",
            "GHz",
            "MHz",
            "UTC",
            "GMT",
            "EST",
            "EDT",
            "PST",
            "PDT",
            "CET",
            "CEST",
            "BST",
            "IST",
            "AM",
            "PM",
            "OK",
            "VIP",
            "VIPs",
            "DJ",
            "ID",
            "PR",
            "HQ",
            "DNA",
            "LCD",
            "LED",
            "USB",
            "GPS",
            "SMS",
            "PDF",
            "FAQ",
            "CD",
            "DVD",
            "CDs",
            "DVDs",
            "MP3",
            "HD",
            "AI",
            "IT",
            "IQ",
            "PhD",
            "BA",
            "MA",
            "BSc",
            "MSc",
            "km",
            "kg",
            "mph",
            "CCTV",
            "SUV",
            "ATM",
            "GDP",
            "CPI",
            "IPO",
            "Q1",
            "Q2",
            "Q3",
            "Q4",
            "FY",
            "AD",
            "BC",
            "BCE",
            "CE",
            "RSS",
            "URL",
            "HTML",
            "API",
            "OS",
            "App",
            "Apps",
            "Mac",
            "Internet",
            "Web",
            "Ms.",
            "No.",
            "St.",
            "I",
            "A",
            "I'm",
            "I've",
            "I'd",
            "I'll",
            "OK",
            "Okay",
            "Yes",
            "No",
            "Hi",
            "Hello",
            "Oh",
            "Wow",
            "PS",
            "C.E.O.",
            "U.S.-based",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Names of religious, ethnic and political groups (singular and plural).
pub fn group_word(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Sunni",
            "Sunnis",
            "Shia",
            "Shiite",
            "Shiites",
            "Shi'ite",
            "Alawite",
            "Alawites",
            "Druze",
            "Kurd",
            "Kurds",
            "Kurdish",
            "Christian",
            "Christians",
            "Muslim",
            "Muslims",
            "Moslem",
            "Jew",
            "Jews",
            "Jewish",
            "Hindu",
            "Hindus",
            "Sikh",
            "Sikhs",
            "Buddhist",
            "Buddhists",
            "Catholic",
            "Catholics",
            "Protestant",
            "Protestants",
            "Orthodox",
            "Islamist",
            "Islamists",
            "Jihadist",
            "Jihadists",
            "Salafist",
            "Salafists",
            "Arab",
            "Arabs",
            "Berber",
            "Berbers",
            "Tamil",
            "Tamils",
            "Pashtun",
            "Pashtuns",
            "Uyghur",
            "Uyghurs",
            "Uighur",
            "Uighurs",
            "Rohingya",
            "Yazidi",
            "Yazidis",
            "Houthi",
            "Houthis",
            "Republican",
            "Republicans",
            "Democrat",
            "Democrats",
            "Conservative",
            "Conservatives",
            "Tory",
            "Tories",
            "Liberal",
            "Liberals",
            "Socialist",
            "Socialists",
            "Communist",
            "Communists",
            "Marxist",
            "Marxists",
            "Maoist",
            "Maoists",
            "Zionist",
            "Zionists",
            "Evangelical",
            "Evangelicals",
            "Mormon",
            "Mormons",
            "Baptist",
            "Baptists",
            "Anglican",
            "Anglicans",
            "Lutheran",
            "Lutherans",
            "Copt",
            "Copts",
            "Coptic",
            "Latino",
            "Latinos",
            "Hispanic",
            "Hispanics",
            "Roma",
            "Bedouin",
            "Bedouins",
            "Turkmen",
            "Hazara",
            "Hazaras",
            "Baloch",
            "Tutsi",
            "Tutsis",
            "Hutu",
            "Hutus",
            "Maori",
            "Aboriginal",
            "Aborigines",
            "Palestinians",
            "Israelis",
            "Europeans",
            "Westerners",
            "Western",
            "Eastern",
            "Africans",
            "Asians",
            "Scandinavian",
            "Scandinavians",
            "Balkan",
            "Slav",
            "Slavs",
            "Slavic",
            "Celtic",
            "Anglo",
            "Nordic",
            "Arabic",
            "Persian",
            "Persians",
            "Latin",
            "Semitic",
            "Caucasian",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Lowercase words that may join the words of a name ("Bank of America").
pub fn connector(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "of", "de", "del", "della", "di", "da", "du", "des", "la", "le", "van", "von", "der",
            "den", "bin", "ibn", "bint", "y", "for", "and", "&", "the", "al", "el", "dos", "das",
            "do", "ul", "ter", "zu", "on", "upon",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Connectors that belong to personal names ("Charles de Gaulle").
pub fn name_particle(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "bin", "ibn",
            "bint", "y", "al", "el", "dos", "das", "do", "ul", "ter", "zu", "la", "le",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}

/// Prefixes of Arabic and other names that variants drop ("al-Sharaa",
/// "Sharaa").
pub fn strip_name_prefix(w: &str) -> &str {
    if !w.as_bytes().get(1..5).is_some_and(|b| b.contains(&b'-')) {
        return w;
    }
    for p in [
        "al-", "Al-", "AL-", "el-", "El-", "ad-", "ar-", "as-", "at-", "az-", "ash-", "an-", "ud-",
        "ul-", "bin-", "ben-", "abu-", "Abu-",
    ] {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().next().is_some_and(|c| c.is_uppercase()) {
                return rest;
            }
        }
    }
    w
}

/// Company-form suffixes that variants of a name drop ("Apple Inc." = "Apple").
pub fn corporate_suffix(w: &str) -> bool {
    static S: OnceLock<Words> = OnceLock::new();
    S.get_or_init(|| {
        [
            "Inc",
            "Inc.",
            "Corp",
            "Corp.",
            "Corporation",
            "Co",
            "Co.",
            "Ltd",
            "Ltd.",
            "Limited",
            "LLC",
            "PLC",
            "plc",
            "AG",
            "SA",
            "S.A.",
            "NV",
            "N.V.",
            "GmbH",
            "SpA",
            "AB",
            "ASA",
            "Group",
            "Holdings",
            "Company",
        ]
        .into_iter()
        .collect::<Words>()
    })
    .contains(w)
}
