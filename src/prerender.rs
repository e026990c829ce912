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

#[cfg(test)]
mod tests {
    use super::insert;

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
