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
const ORGANIZATIONS: &str = include_str!("../../../data/organizations.txt");
const COMPANIES: &str = include_str!("../../../data/companies.txt");

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

/// A word list of `core/data/lists/NAME.txt`, compiled in and built into a
/// [`Words`] set on first use.
macro_rules! list {
    ($name:literal) => {
        $crate::analysis::entities::lexicon::List::new(include_str!(concat!(
            "../../../data/lists/",
            $name,
            ".txt"
        )))
    };
}
pub(crate) use list;

/// A word list: the text of a list file, and its set once built.
pub struct List {
    src: &'static str,
    words: OnceLock<Words>,
}

impl List {
    pub const fn new(src: &'static str) -> List {
        List {
            src,
            words: OnceLock::new(),
        }
    }

    pub fn words(&self) -> &Words {
        self.words.get_or_init(|| entries(self.src).collect())
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.words().contains(w)
    }
}

/// The entries of a list file: one a line, without blank lines and `#`
/// comments.
pub fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

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
    pub countries: &'static Map<&'static str>,
    pub places: &'static Set,
    /// Demonym ("Syrian") → country ("Syria").
    pub demonyms: &'static Map<&'static str>,
    pub given: &'static Set,
    /// Lowercase common English word → frequency rank.
    pub common: &'static Map<u32>,
    pub currencies: &'static Set,
    /// Widely known organisations whose names read as a surname, a common
    /// word or a place ("Ford", "Shell Oil", "Toyota"), and the companies of
    /// the main stock market indices (`companies.txt`, generated).
    pub organizations: &'static Set,
}

// Each table is built on first use, on its own: a page that analyses on its
// own thread builds them one per task ([`build_part`]).

pub(crate) fn countries() -> &'static Map<&'static str> {
    static T: OnceLock<Map<&'static str>> = OnceLock::new();
    T.get_or_init(|| {
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
        countries
    })
}

fn demonyms() -> &'static Map<&'static str> {
    static T: OnceLock<Map<&'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut demonyms = Map::default();
        for line in DEMONYMS.lines() {
            if let Some((d, c)) = line.split_once('\t') {
                demonyms.insert(d, c);
            }
        }
        demonyms
    })
}

pub(crate) fn places() -> &'static Set {
    static T: OnceLock<Set> = OnceLock::new();
    T.get_or_init(|| {
        // unions of countries are places too (as in "banned in the EU")
        let mut places: Set = PLACES.lines().collect();
        places.extend(["European Union", "EU", "E.U."]);
        places
    })
}

fn given() -> &'static Set {
    static T: OnceLock<Set> = OnceLock::new();
    T.get_or_init(|| GIVEN_NAMES.lines().collect())
}

fn common() -> &'static Map<u32> {
    static T: OnceLock<Map<u32>> = OnceLock::new();
    T.get_or_init(|| {
        COMMON_WORDS
            .lines()
            .enumerate()
            .map(|(i, w)| (w, i as u32))
            .collect()
    })
}

fn currencies() -> &'static Set {
    static T: OnceLock<Set> = OnceLock::new();
    T.get_or_init(|| CURRENCIES.lines().collect())
}

fn organizations() -> &'static Set {
    static T: OnceLock<Set> = OnceLock::new();
    T.get_or_init(|| ORGANIZATIONS.lines().chain(COMPANIES.lines()).collect())
}

pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon {
        countries: countries(),
        places: places(),
        demonyms: demonyms(),
        given: given(),
        common: common(),
        currencies: currencies(),
        organizations: organizations(),
    })
}

/// Builds the table `step` (0, 1, ...) if it is not built yet; false once
/// there are no more.
pub fn build_part(step: usize) -> bool {
    match step {
        0 => {
            countries();
            demonyms();
        }
        1 => {
            places();
        }
        2 => {
            given();
        }
        3 => {
            common();
        }
        4 => {
            currencies();
            organizations();
            get();
        }
        _ => return false,
    }
    true
}

/// Abbreviations that keep their period inside the token.
pub fn is_abbrev(w: &str) -> bool {
    static L: List = list!("is_abbrev");
    L.contains(w)
}

/// Last words that make a name an organisation ("… Airlines", "… Inc.").
pub fn org_head(w: &str) -> bool {
    static L: List = list!("org_head");
    L.contains(w)
}

/// Last words of product names: editions ("… Pro", "… Mini") and kinds of
/// machines ("Joint Strike Fighter").
pub fn product_head(w: &str) -> bool {
    static L: List = list!("product_head");
    L.contains(w)
}

/// First words of organisation names built with "of" ("Ministry of …").
pub fn of_head(w: &str) -> bool {
    org_head(w) || place_head(w) || {
        static L: List = list!("of_head");
        L.contains(w)
    }
}

/// Last words that make a name a place ("… Airport", "… Ocean").
pub fn place_head(w: &str) -> bool {
    static L: List = list!("place_head");
    L.contains(w)
}

/// First words that make a name a place ("Mount …", "Lake …").
pub fn place_prefix(w: &str) -> bool {
    static L: List = list!("place_prefix");
    L.contains(w)
}

/// Last words of named events.
pub fn event_head(w: &str) -> bool {
    static L: List = list!("event_head");
    L.contains(w)
}

/// Holidays and other named days: events.
pub fn holiday(w: &str) -> bool {
    static L: List = list!("holiday");
    L.contains(w)
}

/// Last words of titles of laws, treaties and other works.
pub fn work_head(w: &str) -> bool {
    static L: List = list!("work_head");
    L.contains(w)
}

/// A title before a person's name ("President", "Mr.", "Prime"): a title
/// of `title.txt`, or a role of `role.txt` with a capital first letter.
pub fn person_title(w: &str) -> bool {
    static TITLE: List = list!("title");
    TITLE.contains(w) || capitalised_role(w)
}

/// A strong title: never a name on its own, and marking what follows as a
/// person ("Mr", "Senator"; not "Chief" or "Prime").
pub fn strong_person_title(w: &str) -> bool {
    static STRONG: List = list!("strong_title");
    STRONG.contains(w)
}

static ROLE: List = list!("role");

/// "President" for the role "president".
fn capitalised_role(w: &str) -> bool {
    let mut buf = [0u8; 32];
    let Some(out) = buf.get_mut(..w.len()) else {
        return false;
    };
    if !w.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    out.copy_from_slice(w.as_bytes());
    out[0].make_ascii_lowercase();
    std::str::from_utf8(out).is_ok_and(|r| ROLE.contains(r))
}

/// Lowercase nouns written before a person's name ("analyst Jane Doe",
/// "actor Jane Doe"): the roles and the other role nouns.
pub fn role_noun(w: &str) -> bool {
    static NOUN: List = list!("role_noun");
    ROLE.contains(w) || NOUN.contains(w)
}

/// Words after a name that make it a person's when the name has two words or
/// more ("Jane Doe said").
pub fn speech_verb(w: &str) -> bool {
    static L: List = list!("speech_verb");
    L.contains(w)
}

/// Closed-class words (pronouns, prepositions, auxiliaries...), given in
/// lower case.
pub fn function_word(lower: &str) -> bool {
    static L: List = list!("function_word");
    L.contains(lower)
}

/// Stock market indices ("the Dow"), typed as products.
pub fn market_index(name: &str) -> bool {
    static L: List = list!("market_index");
    L.contains(name)
}

/// Nouns after a leader's name ("… administration").
pub fn leader_noun_after(w: &str) -> bool {
    static L: List = list!("leader_noun_after");
    L.contains(w)
}

/// Capitalised tokens that never name an entity on their own: months, days,
/// units, time zones, common abbreviations of roles.
pub fn never_entity(w: &str) -> bool {
    static L: List = list!("never_entity");
    L.contains(w)
}

/// Lowercase nouns that make the name before them a place ("Heathrow
/// airport").
pub fn place_noun_after(w: &str) -> bool {
    static L: List = list!("place_noun_after");
    L.contains(w)
}

/// Nouns of a works named after where it stands ("the Halewood plant").
pub fn facility_noun(w: &str) -> bool {
    static L: List = list!("facility_noun");
    L.contains(w)
}

/// Words after a number that make it an amount ("14 percent").
pub fn amount_unit(w: &str) -> bool {
    static L: List = list!("amount_unit");
    L.contains(w)
}

/// Verbs of a price moving by an amount ("fell 22 percent").
pub fn market_move(w: &str) -> bool {
    static L: List = list!("market_move");
    L.contains(w)
}

/// Nouns of a company's securities and owners ("shares", "stake").
pub fn security_noun(w: &str) -> bool {
    static L: List = list!("security_noun");
    L.contains(w)
}

/// Lowercase nouns that make the name before them an organisation
/// ("Royal Shrewsbury hospital").
pub fn org_noun_after(w: &str) -> bool {
    static L: List = list!("org_noun_after");
    L.contains(w)
}

/// Lowercase roles in a company or a body, between its name and a person's
/// ("Keller spokesman Tim Ross").
pub fn employer_role(w: &str) -> bool {
    static L: List = list!("employer_role");
    L.contains(w)
}

/// Degrees and honours written after a person's name and a comma.
pub fn postnominal(w: &str) -> bool {
    static L: List = list!("postnominal");
    L.contains(w)
}

/// Plural nouns whose possessive is a word inside a name ("the People's
/// Bank of …", "… Children's Hospital").
pub fn name_possessor(w: &str) -> bool {
    static L: List = list!("name_possessor");
    L.contains(w)
}

/// Names of religious, ethnic and political groups (singular and plural).
pub fn group_word(w: &str) -> bool {
    static L: List = list!("group_word");
    L.contains(w)
}

/// Lowercase words that may join the words of a name ("Bank of America",
/// "Charles de Gaulle"): the particles of personal names and the joiners.
pub fn connector(w: &str) -> bool {
    static JOINER: List = list!("name_joiner");
    name_particle(w) || JOINER.contains(w)
}

/// Connectors that belong to personal names ("Charles de Gaulle").
pub fn name_particle(w: &str) -> bool {
    static L: List = list!("name_particle");
    L.contains(w)
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

/// Company-form suffixes that variants of a name drop ("Acme Inc." = "Acme").
pub fn corporate_suffix(w: &str) -> bool {
    static L: List = list!("corporate_suffix");
    L.contains(w)
}

#[cfg(test)]
mod list_tests {
    use super::*;

    fn read(path: &std::path::Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Every list says what it means, and holds each entry once, trimmed.
    #[test]
    fn list_files_are_well_formed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lists");
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.map(|e| e.path()).unwrap_or_default();
            let text = read(&path);
            assert!(text.starts_with("# "), "{}: no header", path.display());
            let mut seen = std::collections::HashSet::new();
            for (i, line) in text.lines().enumerate() {
                if line.starts_with('#') {
                    continue;
                }
                assert!(
                    !line.is_empty() && line.trim() == line,
                    "{}:{}: {line:?}",
                    path.display(),
                    i + 1
                );
                assert!(
                    seen.insert(line),
                    "{}:{}: {line} twice",
                    path.display(),
                    i + 1
                );
            }
            n += 1;
        }
        assert!(n >= 20, "{n} lists");
    }

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let l = List::new("# a list\n#\nfoo\n\nbar baz\n");
        assert!(l.contains("foo") && l.contains("bar baz"));
        assert!(!l.contains("# a list") && !l.contains("") && !l.contains("#"));
        assert_eq!(entries("# x\nfoo\n").collect::<Vec<_>>(), ["foo"]);
    }

    /// One list per meaning: the lists that are merged at lookup never
    /// repeat each other's entries.
    #[test]
    fn merged_lists_are_disjoint() {
        let pairs = [
            (
                include_str!("../../../data/lists/name_particle.txt"),
                include_str!("../../../data/lists/name_joiner.txt"),
            ),
            (
                include_str!("../../../data/lists/role.txt"),
                include_str!("../../../data/lists/role_noun.txt"),
            ),
        ];
        for (a, b) in pairs {
            let a: Vec<&str> = entries(a).collect();
            assert!(entries(b).all(|w| !a.contains(&w)));
        }
        // Titles and roles are written once, the role in lower case.
        let title: Vec<&str> = entries(include_str!("../../../data/lists/title.txt")).collect();
        for r in entries(include_str!("../../../data/lists/role.txt")) {
            let cap = format!("{}{}", r[..1].to_ascii_uppercase(), &r[1..]);
            assert!(!title.contains(&cap.as_str()), "{cap}");
        }
        // Every strong title is a title.
        for t in entries(include_str!("../../../data/lists/strong_title.txt")) {
            assert!(person_title(t), "{t}");
        }
        assert!(connector("of") && connector("de") && !name_particle("of"));
        assert!(person_title("President") && role_noun("president"));
        assert!(!person_title("president") && !role_noun("President"));
        assert!(strong_person_title("Mr.") && !strong_person_title("Prime"));
    }
}
