//! Grouping candidate mentions into entities, reading headlines against the
//! body, and building the output.

use std::collections::HashMap;

use super::classify::{self, is_name_word, key_of, Cand, Stats};
use super::lexicon::{self, FnvBuild};
use super::tokens::{Kind, Tok};
use crate::analysis::{Entity, EntityKind, Span};

struct Ent {
    kind: EntityKind,
    conf: u8,
    mentions: Vec<Span>,
    /// Votes for each kind, weighted by how sure each mention's type is.
    votes: [u32; 7],
    /// Mentions of another name ("formerly known as …").
    aka: Vec<Span>,
    /// `mentions[..sorted]` are in document order (the names of several
    /// words, added first); later ones are added in document order too.
    sorted: usize,
    last_added: Option<Span>,
    /// Named in several words: its type came from more than one word.
    long: bool,
}

impl Ent {
    /// The last mention before `span`.
    fn last_before(&self, span: Span) -> Option<Span> {
        let head = &self.mentions[..self.sorted.min(self.mentions.len())];
        let i = head.partition_point(|m| *m < span);
        let a = i.checked_sub(1).map(|i| head[i]);
        let b = self.last_added.filter(|m| *m < span);
        a.max(b)
    }
}

fn kind_index(k: EntityKind) -> usize {
    EntityKind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

fn weight(conf: u8) -> u32 {
    1 + 2 * u32::from(conf)
}

pub struct Groups {
    ents: Vec<Ent>,
    /// Full normalised key → entity.
    full: HashMap<String, usize, FnvBuild>,
    /// Surname of a person, start of an organisation's name → entities.
    partial: HashMap<String, Vec<usize>, FnvBuild>,
    /// First word of a name typed as a person's on a given name alone: if
    /// the text uses that word alone, the name is an organisation's
    /// ("Northrop Grumman" … "Northrop").
    first_person: HashMap<String, usize, FnvBuild>,
    /// First word of a person's name of several words → that person, or
    /// `None` when two people share it: a word typed as a person's alone
    /// ("Samantha" after "Samantha Reyes") is that person.
    first_name: HashMap<String, Option<usize>, FnvBuild>,
    /// Last word of a name of several words typed by default: if the text
    /// gives that word a person's title ("Mr. Mubarak"), the name is a
    /// person's.
    last_default: HashMap<String, usize, FnvBuild>,
    /// First word of a product's name of several words: used alone with
    /// nothing else to type it, it names a product too ("MacBook Pro" …
    /// "the MacBook").
    product_first: HashMap<String, (), FnvBuild>,
    /// Where the name starts in a mention that includes more ("the United
    /// States", "President Vladimir Putin"): the canonical name and the
    /// aliases leave that out.
    name_from: HashMap<Span, usize, FnvBuild>,
}

impl Groups {
    pub fn build(cands: &[Cand]) -> Groups {
        let mut g = Groups {
            ents: Vec::with_capacity(cands.len()),
            full: HashMap::with_capacity_and_hasher(cands.len(), FnvBuild::default()),
            partial: HashMap::with_capacity_and_hasher(cands.len(), FnvBuild::default()),
            first_person: HashMap::default(),
            first_name: HashMap::default(),
            last_default: HashMap::default(),
            product_first: HashMap::default(),
            name_from: HashMap::default(),
        };
        let mut ent_of: Vec<Option<usize>> = vec![None; cands.len()];
        // names of several words first, so that a surname or a short form
        // finds the full name wherever it stands
        for phase in 0..2 {
            if phase == 1 {
                for e in &mut g.ents {
                    e.sorted = e.mentions.len();
                }
            }
            for (ci, c) in cands.iter().enumerate() {
                let multi = c.ntok >= 2 && c.link.is_none();
                if (phase == 0) != multi {
                    continue;
                }
                let span = Span::new(c.part, c.start, c.end);
                if c.name_start > c.start {
                    g.name_from.insert(span, c.name_start);
                }
                let e = g.resolve(c, span, &ent_of);
                if phase == 1 {
                    g.ents[e].last_added = Some(span);
                }
                ent_of[ci] = Some(e);
            }
        }
        g
    }

    fn resolve(&mut self, c: &Cand, span: Span, ent_of: &[Option<usize>]) -> usize {
        if let Some(e) = c.link.and_then(|l| ent_of.get(l).copied().flatten()) {
            self.ents[e].mentions.push(span);
            if c.aka {
                self.ents[e].aka.push(span);
            }
            self.full.entry(c.key.clone()).or_insert(e);
            return e;
        }
        if let Some(&e) = self.full.get(&c.key) {
            let ent = &mut self.ents[e];
            // a short form typed by its shape alone ("RMS" after "Rosa M.
            // Saldana (RMS)") does not outvote the name it stands for
            if c.ntok == 1 && c.conf <= 1 && ent.long && ent.conf >= 1 {
                ent.mentions.push(span);
                return e;
            }
            ent.votes[kind_index(c.kind)] += weight(c.conf);
            ent.conf = ent.conf.max(c.conf);
            let best = (0..7).max_by_key(|&i| (ent.votes[i], i == kind_index(ent.kind)));
            if let Some(i) = best {
                ent.kind = EntityKind::ALL[i];
            }
            ent.mentions.push(span);
            return e;
        }
        // plural of a product's name ("Dreamliners")
        if let Some(e) = c
            .key
            .strip_suffix('s')
            .and_then(|k| self.full.get(k))
            .copied()
            .filter(|&e| self.ents[e].kind == EntityKind::Product)
        {
            self.ents[e].mentions.push(span);
            return e;
        }
        // a surname with its particles ("Von der Leyen" after "Ursula von
        // der Leyen")
        if c.ntok >= 2 && c.key.split(' ').next().is_some_and(lexicon::name_particle) {
            if let Some(e) = self.partial_match(&c.key, span, c) {
                if self.ents[e].kind == EntityKind::Person {
                    self.ents[e].mentions.push(span);
                    return e;
                }
            }
        }
        if c.ntok == 1 && (!c.gazetteer || c.conf < 3 || c.kind == EntityKind::Place) {
            if let Some(e) = self.partial_match(&c.key, span, c) {
                // a company sure of its type, named alone before the person
                // who bears its name, is not that person's surname then or
                // later ("Dell reported … Michael Dell … Dell shares"; but
                // "Under Secretary Ilse Shell … Shell said" is the person)
                let company = c.kind == EntityKind::Organization
                    && c.conf >= 3
                    && self.ents[e].kind == EntityKind::Person
                    && self.ents[e]
                        .mentions
                        .iter()
                        .all(|m| (m.part, m.start) > (span.part, span.start));
                // and a person named with a title ("Mrs. Grant") is not
                // the short name of a company that bears their name
                let person = c.kind == EntityKind::Person
                    && c.start < c.name_start
                    && self.ents[e].kind != EntityKind::Person;
                if !company && !person {
                    self.ents[e].mentions.push(span);
                    return e;
                }
            }
        }
        if c.ntok == 1 && c.kind == EntityKind::Person && c.conf >= 2 {
            if let Some(&e) = self.last_default.get(&c.key) {
                let ent = &mut self.ents[e];
                if ent.conf == 0 {
                    ent.kind = EntityKind::Person;
                    ent.conf = 1;
                    ent.mentions.push(span);
                    return e;
                }
            }
        }
        // the first word of a person's name alone: that person, when it is
        // a given name ("Samantha" after "Samantha Reyes") or the person's
        // type was sure ("Barack" after "President Barack Obama")
        if c.ntok == 1 && !c.gazetteer {
            if let Some(&Some(e)) = self.first_name.get(&c.key) {
                let ent = &self.ents[e];
                let alone =
                    c.kind == EntityKind::Person || (c.conf == 0 && (c.given || ent.conf >= 2));
                if ent.kind == EntityKind::Person && alone {
                    self.ents[e].mentions.push(span);
                    return e;
                }
            }
        }
        if c.ntok == 1 && !c.gazetteer && c.kind != EntityKind::Person && !c.given {
            if let Some(&e) = self.first_person.get(&c.key) {
                let ent = &mut self.ents[e];
                if ent.kind == EntityKind::Person && ent.conf <= 1 {
                    ent.kind = EntityKind::Organization;
                    ent.mentions.push(span);
                    return e;
                }
            }
        }
        if c.ntok == 1
            && c.kind == EntityKind::Organization
            && c.conf == 0
            && self.product_first.contains_key(&c.key)
        {
            return self.new_entity(EntityKind::Product, 1, &c.key, span, 1);
        }
        self.new_entity(c.kind, c.conf, &c.key, span, c.ntok)
    }

    /// The entity a short form refers to: the one mentioned last before it,
    /// else the first.
    fn partial_match(&self, key: &str, span: Span, c: &Cand) -> Option<usize> {
        let list = self.partial.get(key)?;
        let mut best: Option<(usize, Span)> = None;
        for &e in list {
            let ent = &self.ents[e];
            // a gazetteer place stays a place unless a person bears its name
            if c.gazetteer && ent.kind != EntityKind::Person {
                continue;
            }
            let before = ent.last_before(span);
            match (before, best) {
                (Some(m), Some((_, bm))) if m > bm => best = Some((e, m)),
                (Some(m), None) => best = Some((e, m)),
                _ => {}
            }
        }
        best.map(|(e, _)| e).or_else(|| {
            list.iter()
                .copied()
                .find(|&e| !c.gazetteer || self.ents[e].kind == EntityKind::Person)
        })
    }

    fn new_entity(
        &mut self,
        kind: EntityKind,
        conf: u8,
        key: &str,
        span: Span,
        ntok: usize,
    ) -> usize {
        let e = self.ents.len();
        let mut votes = [0; 7];
        votes[kind_index(kind)] = weight(conf);
        self.ents.push(Ent {
            kind,
            conf,
            mentions: vec![span],
            votes,
            aka: Vec::new(),
            sorted: 0,
            last_added: None,
            long: ntok >= 2,
        });
        self.full.insert(key.to_string(), e);
        if ntok >= 2 && key.contains(' ') {
            let words: Vec<&str> = key.split(' ').collect();
            match kind {
                EntityKind::Person => {
                    if let Some(last) = words.last() {
                        self.add_partial(last, e);
                    }
                    // the surname with its particles ("von der Leyen")
                    if let Some(p) =
                        (1..words.len() - 1).find(|&i| lexicon::name_particle(words[i]))
                    {
                        self.add_partial(&words[p..].join(" "), e);
                    }
                    if conf <= 1 {
                        self.first_person.entry(words[0].to_string()).or_insert(e);
                    }
                    self.first_name
                        .entry(words[0].to_string())
                        .and_modify(|x| {
                            if *x != Some(e) {
                                *x = None;
                            }
                        })
                        .or_insert(Some(e));
                }
                EntityKind::Product => {
                    // an edition of a line ("MacBook Pro"), not a maker's
                    // model ("Airbus A380": "Airbus" alone is the maker)
                    let edition = words.last().is_some_and(|w| {
                        matches!(
                            *w,
                            "pro"
                                | "mini"
                                | "nano"
                                | "max"
                                | "ultra"
                                | "lite"
                                | "touch"
                                | "classic"
                                | "air"
                        )
                    });
                    if edition && words[0].chars().any(|c| c.is_alphabetic()) {
                        self.product_first.insert(words[0].to_string(), ());
                    }
                    // "iPod Nano" … "the Nano", "787 Dreamliner" … "Dreamliner"
                    for w in &words[1..] {
                        if w.chars().any(|c| c.is_alphabetic()) && !lexicon::connector(w) {
                            self.add_partial(w, e);
                        }
                    }
                }
                // events and works are named after others ("Acme
                // Worldwide Developers Conference"): no short forms
                EntityKind::Place | EntityKind::Group | EntityKind::Event | EntityKind::Work => {}
                _ => {
                    if conf == 0 && words.len() <= 3 {
                        if let Some(last) = words.last() {
                            self.last_default.entry(last.to_string()).or_insert(e);
                        }
                    }
                    let mut end = 0;
                    for w in &words[..words.len() - 1] {
                        end += w.len();
                        if !lexicon::connector(w) {
                            self.add_partial(&key[..end], e);
                        }
                        end += 1;
                    }
                }
            }
        }
        e
    }

    fn add_partial(&mut self, k: &str, e: usize) {
        match self.partial.get_mut(k) {
            Some(v) => {
                if !v.contains(&e) {
                    v.push(e);
                }
            }
            None => {
                self.partial.insert(k.to_string(), vec![e]);
            }
        }
    }

    /// The entities in order of first mention, with ids, canonical names and
    /// aliases. No two mentions overlap: where two candidates claimed the
    /// same text, the one that starts first (the longer at equal starts)
    /// keeps it.
    pub fn into_entities(self, parts: &[&str]) -> Vec<Entity> {
        let mut ents: Vec<Ent> = self
            .ents
            .into_iter()
            .filter(|e| !e.mentions.is_empty())
            .collect();
        for e in &mut ents {
            e.mentions.sort();
            e.mentions.dedup();
        }
        drop_overlaps(&mut ents);
        ents.retain(|e| !e.mentions.is_empty());
        ents.sort_by_key(|e| e.mentions[0]);
        let mut seen: std::collections::HashSet<String, FnvBuild> = Default::default();
        let mut next: HashMap<String, usize, FnvBuild> = HashMap::default();
        let mut out = Vec::with_capacity(ents.len());
        for e in ents {
            let surfaces: Vec<&str> = e
                .mentions
                .iter()
                .map(|m| match self.name_from.get(m) {
                    Some(&s) => Span::new(m.part, s, m.end).text(parts),
                    None => m.text(parts),
                })
                .collect();
            let all_aka = e.mentions.iter().all(|m| e.aka.contains(m));
            let canon = surfaces
                .iter()
                .copied()
                .enumerate()
                .filter(|(i, _)| all_aka || !e.aka.contains(&e.mentions[*i]))
                .max_by_key(|(i, s)| (s.len(), usize::MAX - i))
                .map(|(_, s)| s)
                .unwrap_or("");
            let mut aliases: Vec<String> = Vec::new();
            for s in &surfaces {
                if *s != canon && !aliases.iter().any(|a| a == s) {
                    aliases.push((*s).to_string());
                }
            }
            // unique ids: "x", then "x-2", "x-3", ... skipping taken ones
            let base = slug(canon);
            let mut id = base.clone();
            if seen.contains(&id) {
                let k = next.entry(base.clone()).or_insert(2);
                loop {
                    id = format!("{base}-{k}");
                    *k += 1;
                    if !seen.contains(&id) {
                        break;
                    }
                }
            }
            seen.insert(id.clone());
            out.push(Entity {
                id,
                name: canon.to_string(),
                kind: e.kind,
                aliases,
                mentions: e.mentions,
            });
        }
        merge_demonyms(&mut out);
        out
    }
}

/// URL-safe slug: ASCII letters and digits, dashes between words.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '’' && c != '.' {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("entity");
    }
    out
}

/// Folds common Latin letters with diacritics to ASCII.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => 'U',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'Š' | 'Ś' | 'Ş' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'ğ' => 'g',
        'ı' => 'i',
        _ => c,
    }
}

/// A frequent English word, or one the text also writes in lowercase.
fn common_word(key: &str, stats: &Stats) -> bool {
    stats.seen_lower(key) || lexicon::get().common.get(key).is_some_and(|&r| r < 300)
}

/// Finds, in a headline or other title-case part, the names that the body,
/// the gazetteers or the shape of a word vouch for.
pub fn title_mentions(g: &mut Groups, part: usize, text: &str, toks: &[Tok], stats: &Stats) {
    let lex = lexicon::get();
    let upper_title = toks
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .all(|t| !t.text(text).chars().any(|c| c.is_lowercase()));
    let word = |i: usize| -> &str {
        toks.get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(text))
            .unwrap_or("")
    };
    let mut i = 0;
    let n = toks.len();
    while i < n {
        let w = word(i);
        if w.is_empty() || !is_name_word(w) {
            i += 1;
            continue;
        }
        // the longest run of words from i that names something known
        let mut maxj = i + 1;
        while maxj < n && maxj < i + 7 && !word(maxj).is_empty() && toks[maxj].space_before {
            maxj += 1;
        }
        let mut found = false;
        for j in (i + 1..=maxj).rev() {
            if !is_name_word(word(j - 1)) {
                continue;
            }
            let span = Span::new(part, toks[i].start, toks[j - 1].end);
            let surface = text.get(span.start..span.end).unwrap_or("");
            let key = key_of((i..j).map(word));
            if key.is_empty() {
                continue;
            }
            if let Some(&e) = g.full.get(&key) {
                g.ents[e].mentions.push(span);
                found = true;
            } else if let Some(e) = (j == i + 1 && !common_word(&key, stats))
                .then(|| g.partial.get(&key).and_then(|v| v.first().copied()))
                .flatten()
            {
                g.ents[e].mentions.push(span);
                found = true;
            } else if lex.countries.contains_key(surface) || lex.places.contains(surface) {
                g.new_entity(EntityKind::Place, 3, &key, span, j - i);
                found = true;
            } else if j == i + 1
                && (lexicon::group_word(surface)
                    || surface
                        .strip_suffix('s')
                        .is_some_and(|s| lex.demonyms.contains_key(s)))
            {
                g.new_entity(EntityKind::Group, 3, &key, span, 1);
                found = true;
            } else if j == i + 1 && lex.demonyms.contains_key(surface) {
                g.new_entity(EntityKind::Place, 2, &key, span, 1);
                found = true;
            } else if j == i + 1
                && !upper_title
                && surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && surface.chars().all(|c| !c.is_lowercase())
                && !lexicon::never_entity(surface)
                && !lex.currencies.contains(surface)
            {
                g.new_entity(EntityKind::Organization, 1, &key, span, 1);
                found = true;
            } else if j == i + 1 && surface.chars().next().is_some_and(|c| c.is_lowercase()) {
                // camel-case product names ("iPhone")
                g.new_entity(EntityKind::Product, 2, &key, span, 1);
                found = true;
            } else if j == i + 2 && lex.given.contains(word(i)) && {
                let mut buf = String::new();
                classify::lower_into(word(i + 1), &mut buf);
                !lex.common.contains_key(buf.as_str()) && !stats.seen_lower(&buf)
            } {
                g.new_entity(EntityKind::Person, 2, &key, span, 2);
                found = true;
            }
            if found {
                i = j;
                break;
            }
        }
        if !found {
            i += 1;
        }
    }
}

/// Removes every mention that overlaps an earlier (or, at the same start, a
/// longer) mention of any entity.
fn drop_overlaps(ents: &mut [Ent]) {
    let mut all: Vec<(Span, usize)> = ents
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i)))
        .collect();
    all.sort_by_key(|(m, i)| (m.part, m.start, std::cmp::Reverse(m.end), *i));
    let mut last: Option<Span> = None;
    let mut dropped: Vec<(Span, usize)> = Vec::new();
    for (m, i) in all {
        match last {
            Some(l) if l.part == m.part && m.start < l.end => dropped.push((m, i)),
            _ => last = Some(m),
        }
    }
    for (m, i) in dropped {
        ents[i].mentions.retain(|x| *x != m);
    }
}

/// The names of one country become one entity: an adjective of nationality
/// typed as a place ("the Syrian government") joins its country ("Syria"),
/// and another name of a country ("US", "America") joins the entity of its
/// usual name ("the United States") or, without it, the first name the text
/// uses. One place, one card, with the other names among its aliases.
fn merge_demonyms(out: &mut Vec<Entity>) {
    let lex = lexicon::get();
    let country_of = |e: &Entity| -> Option<&'static str> {
        (e.kind == EntityKind::Place)
            .then(|| lex.countries.get(e.name.as_str()).copied())
            .flatten()
    };
    // Where entity `i` belongs, if it is another name of a country the text
    // also names: a demonym joins any name of its country; a country's other
    // name joins its usual name, or else the earliest other name.
    let target_of = |out: &[Entity], i: usize| -> Option<usize> {
        let e = &out[i];
        if e.kind != EntityKind::Place {
            return None;
        }
        if let Some(&country) = lex.demonyms.get(e.name.as_str()) {
            return out
                .iter()
                .position(|x| country_of(x) == Some(country))
                .filter(|&t| t != i);
        }
        let country = country_of(e)?;
        if e.name == country {
            return None;
        }
        out.iter()
            .position(|x| x.name == country && x.kind == EntityKind::Place)
            .or_else(|| out[..i].iter().position(|x| country_of(x) == Some(country)))
    };
    let mut merged = false;
    let mut i = 0;
    while i < out.len() {
        let Some(t) = target_of(out, i) else {
            i += 1;
            continue;
        };
        let d = out.remove(i);
        let t = if t > i { t - 1 } else { t };
        let into = &mut out[t];
        for alias in std::iter::once(d.name).chain(d.aliases) {
            if alias != into.name && !into.aliases.contains(&alias) {
                into.aliases.push(alias);
            }
        }
        into.mentions.extend(d.mentions);
        into.mentions.sort();
        merged = true;
    }
    if merged {
        out.sort_by_key(|e| e.mentions.first().copied());
    }
}
