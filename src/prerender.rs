//! Placing the build-time render into the page.

/// Puts `html` inside the page's mount point `<div id="{root}">…</div>`,
/// which must be the last element of `<body>`; whatever it held before
/// (an earlier render) is replaced.
pub fn insert(page: &str, root: &str, html: &str) -> Result<String, String> {
    let open = format!("<div id=\"{root}\">");
    let start = page
        .find(&open)
        .ok_or_else(|| format!("no mount point {open}</div> in the page"))?
        + open.len();
    let body_end = page[start..]
        .find("</body>")
        .map(|i| start + i)
        .ok_or("no </body> after the mount point")?;
    let end = page[start..body_end]
        .rfind("</div>")
        .map(|i| start + i)
        .ok_or("the mount point is not closed before </body>")?;
    if !page[end + "</div>".len()..body_end].trim().is_empty() {
        return Err("the mount point must be the last element of <body>".into());
    }
    Ok(format!("{}{html}{}", &page[..start], &page[end..]))
}

/// Writes on the page's `<html>` element the files a page of the set reads
/// first, as `data-early-NAME="URL …"` for each `(NAME, URLs)` of `reads`
/// (the page's first script fetches them while the rest loads, see
/// `scripts/postbuild.mjs`); those an earlier run wrote are replaced, and
/// a name with no URL is left out.
pub fn early_reads(page: &str, reads: &[(&str, Vec<String>)]) -> Result<String, String> {
    let start = page.find("<html").ok_or("no <html> element in the page")?;
    let end = page[start..]
        .find('>')
        .map(|i| start + i)
        .ok_or("the <html> tag is not closed")?;
    let mut tag = page[start..end].to_string();
    while let Some(at) = tag.find(" data-early-") {
        let close = tag[at..]
            .find("=\"")
            .map(|q| at + q + 2)
            .and_then(|v| tag[v..].find('"').map(|e| v + e + 1))
            .ok_or("an unclosed data-early- attribute on <html>")?;
        tag.replace_range(at..close, "");
    }
    for (name, urls) in reads.iter().filter(|(_, u)| !u.is_empty()) {
        tag.push_str(&format!(" data-early-{name}=\"{}\"", urls.join(" ")));
    }
    Ok(format!("{}{tag}{}", &page[..start], &page[end..]))
}

#[cfg(test)]
mod tests {
    use super::{early_reads, insert};

    #[test]
    fn early_reads_are_written_on_the_html_element_once() {
        let page = "<!doctype html>\n<html lang=\"en\">\n<head></head><body></body></html>";
        let reads = [
            (
                "timeline",
                vec![
                    "set/t/keys.bin?b=0a".to_string(),
                    "set/t/0.bin?b=0a".to_string(),
                ],
            ),
            ("search", vec![]),
        ];
        let once = early_reads(page, &reads).unwrap();
        assert_eq!(
            once,
            "<!doctype html>\n<html lang=\"en\" data-early-timeline=\"set/t/keys.bin?b=0a set/t/0.bin?b=0a\">\n<head></head><body></body></html>"
        );
        // run again, or for another build: replaced, not added
        assert_eq!(early_reads(&once, &reads).unwrap(), once);
        let other = [("search", vec!["set/s/keys.bin?b=0b".to_string()])];
        assert_eq!(
            early_reads(&once, &other).unwrap(),
            "<!doctype html>\n<html lang=\"en\" data-early-search=\"set/s/keys.bin?b=0b\">\n<head></head><body></body></html>"
        );
        assert_eq!(early_reads(&once, &[]).unwrap(), page);
        assert!(early_reads("<body></body>", &reads).is_err());
    }

    const PAGE: &str =
        "<html><body>\n<noscript><p>x</p></noscript>\n<div id=\"app\"></div>\n</body></html>";

    #[test]
    fn fills_the_empty_mount_point() {
        let out = insert(PAGE, "app", "<main><div>a</div></main>").unwrap();
        assert_eq!(
            out,
            "<html><body>\n<noscript><p>x</p></noscript>\n<div id=\"app\"><main><div>a</div></main></div>\n</body></html>"
        );
    }

    #[test]
    fn a_second_run_replaces_the_first() {
        let once = insert(PAGE, "app", "<main><div>a</div></main>").unwrap();
        let twice = insert(&once, "app", "<main><div>b</div></main>").unwrap();
        assert_eq!(
            twice,
            insert(PAGE, "app", "<main><div>b</div></main>").unwrap()
        );
    }

    #[test]
    fn refuses_a_page_it_cannot_place_the_render_in() {
        assert!(insert("<body></body>", "app", "x").is_err());
        assert!(insert("<body><div id=\"app\"></body>", "app", "x").is_err());
        let trailing = "<body><div id=\"app\"></div><p>after</p></body>";
        assert!(insert(trailing, "app", "x").is_err());
    }
}
