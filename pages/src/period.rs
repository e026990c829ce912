//! The set timeline of a split set read by period (`set/t/`,
//! `dossier_core::view::periods`): the list of its files once (which draws
//! the axis and counts the points in any window), then only the files of
//! the rows listed. Filtering by words, type, article or entity, and lanes
//! by article or entity, read the whole timeline (`set/pages.bin`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dossier::data;
use dossier::data::format;
use dossier_core::set::correct::Correction;
use dossier_core::view::pages::TimelineRow;
use dossier_core::view::periods::{self, TimelineFile, TimelineKeys};

thread_local! {
    static KEYS: RefCell<Option<Rc<TimelineKeys>>> = const { RefCell::new(None) };
    /// The files read so far, by number.
    static FILES: RefCell<HashMap<usize, Rc<TimelineFile>>> = RefCell::new(HashMap::new());
}

const WHAT: &str = "the set's timeline";

/// Whether the set timeline can be read by period here: the set is split
/// and served with its files, this is not the single file, and nothing of
/// the reader's changes the set (see `crate::shard::light`).
pub fn usable(corrections: &Result<Vec<Correction>, String>) -> bool {
    crate::shard::served(data::timeline_files(), corrections)
}

/// The list of the set timeline's files (read once), and its first file
/// read with it (it holds the first rows listed).
pub async fn start() -> Result<Rc<TimelineKeys>, String> {
    if let Some(keys) = KEYS.with(|k| k.borrow().clone()) {
        return Ok(keys);
    }
    let build = data::split().unwrap_or_default();
    let (list_url, first_url) = (
        format::SetFolder::Timeline.url_of(format::TIMELINE_KEYS_FILE, build),
        format::SetFolder::Timeline.url(0, build),
    );
    let wanted = data::timeline_files() > 0 && !at_hand(0);
    let first = async {
        match wanted {
            true => Some(data::load::fetch(&first_url, WHAT).await),
            false => None,
        }
    };
    let (list, first) = futures::future::join(data::load::fetch(&list_url, WHAT), first).await;
    let keys = Rc::new(periods::decode_keys(&list?, build).map_err(|e| format!("{WHAT}: {e}"))?);
    KEYS.with(|k| *k.borrow_mut() = Some(Rc::clone(&keys)));
    // A first file that could not be read is asked for again with the
    // others, and its failure said then.
    if let Some(Ok(bytes)) = first {
        if let Ok(file) = periods::decode_file(&bytes, &keys, 0) {
            FILES.with(|f| f.borrow_mut().insert(0, Rc::new(file)));
        }
    }
    Ok(keys)
}

/// Whether file `n` has been read.
pub fn at_hand(n: usize) -> bool {
    FILES.with(|f| f.borrow().contains_key(&n))
}

/// Reads the files `ns` not read yet, together, calling `each` as each
/// arrives; the first failure, if any, once all are done.
pub async fn read(keys: &TimelineKeys, ns: &[usize], each: &dyn Fn()) -> Result<(), String> {
    let build = keys.build;
    let reads = ns.iter().filter(|&&n| !at_hand(n)).map(|&n| async move {
        let bytes = data::load::fetch(&format::SetFolder::Timeline.url(n, build), WHAT).await?;
        let file = periods::decode_file(&bytes, keys, n).map_err(|e| format!("{WHAT}: {e}"))?;
        FILES.with(|f| f.borrow_mut().insert(n, Rc::new(file)));
        each();
        Ok::<_, String>(())
    });
    futures::future::join_all(reads)
        .await
        .into_iter()
        .collect::<Result<Vec<()>, String>>()
        .map(|_| ())
}

/// `f` of row `row` of the set timeline, if its file has been read (the
/// row is lent, not copied: the list calls this for every row it shows on
/// every render).
pub fn with_row<T>(
    keys: &TimelineKeys,
    row: usize,
    f: impl FnOnce(&TimelineRow) -> T,
) -> Option<T> {
    let n = keys.file_of(row)?;
    FILES.with(|files| {
        let files = files.borrow();
        let file = files.get(&n)?;
        file.rows.get(row.checked_sub(file.first)?).map(f)
    })
}
