//! The layering of docs/architecture.md, read from the sources: every path that
//! names `crate::…`, `super::…`, `self::…` or a child module is resolved to the
//! file that defines it, and two rules are checked.
//!
//! 1. A module imports only modules below it in [`LAYERS`].
//! 2. No two files import each other, directly or in a longer circle. A module's
//!    root (`mod.rs`, `lib.rs`) declares and re-exports its children; those edges
//!    are its shape, not a dependency, and are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// Top to bottom: a module may import itself and any module after it.
const LAYERS: &[&str] = &[
    "cli", "client", "server", "protocol", "engine", "courier", "store", "schema", "project",
    "jsonnet", "diag", "config", "time",
];

/// A module path (`["engine", "login"]`) and the file that holds it.
type Modules = BTreeMap<Vec<String>, PathBuf>;

/// One use of another file: `from` names something `to` defines.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    from: Vec<String>,
    to: Vec<String>,
    path: String,
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let modules = modules();
    let wrong = upward_imports(&modules, &edges(&modules));
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}

/// The courier owns its outbox: the store's outbox rows are reached only through
/// `courier::outbox`, so the engine queues and the CLI lists through one interface.
#[test]
fn only_the_courier_reads_and_writes_its_outbox() {
    let modules = modules();
    let outbox = ["store".to_string(), "outbox".to_string()];
    let strangers: Vec<String> = edges(&modules)
        .into_iter()
        .filter(|edge| edge.to == outbox && !matches!(top(&edge.from), "courier" | "store"))
        .map(|edge| format!("{} uses `{}`", file_of(&modules, &edge.from), edge.path))
        .collect();
    assert!(
        strangers.is_empty(),
        "the outbox is the courier's:\n{}",
        strangers.join("\n")
    );
}

/// The uses that run up the layers, or leave them.
fn upward_imports(modules: &Modules, edges: &[Edge]) -> Vec<String> {
    let rank = |name: &str| LAYERS.iter().position(|layer| *layer == name);
    let mut wrong = Vec::new();
    for edge in edges {
        let (from, to) = (top(&edge.from), top(&edge.to));
        match (rank(from), rank(to)) {
            (Some(a), Some(b)) if a <= b => {}
            (Some(_), Some(_)) => wrong.push(format!(
                "{} imports `{}`, which sits above it",
                file_of(modules, &edge.from),
                edge.path
            )),
            _ => wrong.push(format!(
                "{} or `{}` is in no layer: add its module to LAYERS and docs/architecture.md",
                file_of(modules, &edge.from),
                edge.path
            )),
        }
    }
    wrong
}

#[test]
fn no_files_import_each_other() {
    let modules = modules();
    let edges = edges(&modules);
    let mut graph: BTreeMap<&[String], BTreeSet<&[String]>> = BTreeMap::new();
    for edge in &edges {
        graph.entry(&edge.from).or_default().insert(&edge.to);
    }
    let circles: Vec<String> = strongly_connected(&graph)
        .into_iter()
        .filter(|component| component.len() > 1)
        .map(|component| {
            let files: Vec<String> = component.iter().map(|m| file_of(&modules, m)).collect();
            files.join(" ⇄ ")
        })
        .collect();
    assert!(
        circles.is_empty(),
        "import circles between files:\n{}",
        circles.join("\n")
    );
}

/// The checker itself: a circle and an upward import planted in a tiny tree are found.
#[test]
fn the_layering_check_finds_what_it_looks_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("lib.rs", "pub mod engine;\npub mod store;\n");
    write("engine/mod.rs", "mod a;\nmod b;\npub use a::A;\n");
    write("engine/a.rs", "use super::b::B;\npub struct A;\n");
    write("engine/b.rs", "pub struct B(super::a::A);\n");
    write("store/mod.rs", "fn f() { crate::engine::A; }\n");
    let modules = modules_under(dir.path());
    let edges = edges(&modules);
    let named: BTreeSet<(String, String)> = edges
        .iter()
        .map(|e| (e.from.join("::"), e.to.join("::")))
        .collect();
    assert!(
        named.contains(&("engine::a".into(), "engine::b".into())),
        "{named:?}"
    );
    assert!(
        named.contains(&("engine::b".into(), "engine::a".into())),
        "{named:?}"
    );
    assert!(
        named.contains(&("store".into(), "engine".into())),
        "{named:?}"
    );
    assert!(
        !named.contains(&("engine".into(), "engine::a".into())),
        "a root's re-export is not a dependency: {named:?}"
    );
    let mut graph: BTreeMap<&[String], BTreeSet<&[String]>> = BTreeMap::new();
    for edge in &edges {
        graph.entry(&edge.from).or_default().insert(&edge.to);
    }
    let circles = strongly_connected(&graph);
    assert!(circles.iter().any(|c| c.len() == 2), "{circles:?}");
    let upward = upward_imports(&modules, &edges);
    assert_eq!(upward.len(), 1, "{upward:?}");
    assert!(upward[0].contains("imports `engine::A`"), "{upward:?}");
}

fn modules() -> Modules {
    modules_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// Every `.rs` file under `src` by its module path; `main.rs` is the binary's.
fn modules_under(src: &Path) -> Modules {
    let mut modules = Modules::new();
    let mut pending = vec![src.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(src).expect("under src");
            let mut module: Vec<String> = relative
                .with_extension("")
                .iter()
                .map(|part| part.to_string_lossy().into_owned())
                .collect();
            match module.last().map(String::as_str) {
                Some("main") if module.len() == 1 => continue,
                Some("lib") if module.len() == 1 => module.clear(),
                Some("mod") => {
                    module.pop();
                }
                _ => {}
            }
            modules.insert(module, path);
        }
    }
    modules
}

fn top(module: &[String]) -> &str {
    module.first().map(String::as_str).unwrap_or("lib")
}

fn file_of(modules: &Modules, module: &[String]) -> String {
    modules
        .get(module)
        .and_then(|path| path.to_str())
        .and_then(|path| {
            path.split_once("/src/")
                .map(|(_, rest)| format!("src/{rest}"))
        })
        .unwrap_or_else(|| module.join("::"))
}

/// Every use of one file by another, in the whole tree.
fn edges(modules: &Modules) -> Vec<Edge> {
    let mut edges = BTreeSet::new();
    for (module, path) in modules {
        let text = std::fs::read_to_string(path).expect("read source");
        let file = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut paths = PathCollector {
            module: module.clone(),
            modules,
            found: Vec::new(),
        };
        paths.visit_file(&file);
        for (from, absolute) in paths.found {
            let Some(to) = defining_file(modules, &absolute) else {
                continue;
            };
            // A file's own items, and a root's children (its shape, not a dependency).
            if to == *module || (to.starts_with(module) && is_root(modules, module)) {
                continue;
            }
            // Inline modules (`mod tests`) belong to their file.
            let from = owning_file(modules, &from);
            if to == from {
                continue;
            }
            edges.insert(Edge {
                from,
                to,
                path: absolute.join("::"),
            });
        }
    }
    edges.into_iter().collect()
}

/// Whether other files sit below this one (`mod.rs`, `lib.rs`, or `a.rs` beside `a/`).
fn is_root(modules: &Modules, module: &[String]) -> bool {
    modules
        .keys()
        .any(|other| other.len() > module.len() && other.starts_with(module))
}

/// The file that defines the longest known prefix of `path`.
fn defining_file(modules: &Modules, path: &[String]) -> Option<Vec<String>> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains_key(prefix))
}

fn owning_file(modules: &Modules, module: &[String]) -> Vec<String> {
    defining_file(modules, module).unwrap_or_default()
}

/// Collects the absolute module paths a file names, with the (inline) module
/// each is named from.
struct PathCollector<'a> {
    module: Vec<String>,
    modules: &'a Modules,
    found: Vec<(Vec<String>, Vec<String>)>,
}

impl PathCollector<'_> {
    /// `crate::a::b`, `super::x`, `self::x` or `child::x` as an absolute path;
    /// None for anything else (`std::…`, a local name).
    fn resolve(&self, segments: &[String]) -> Option<Vec<String>> {
        let (first, mut rest) = segments.split_first()?;
        let mut base = match first.as_str() {
            "crate" => Vec::new(),
            "self" => self.module.clone(),
            "super" => {
                let mut base = self.module.clone();
                base.pop()?;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop()?;
                    rest = &rest[1..];
                }
                base
            }
            child => {
                let mut base = self.module.clone();
                base.push(child.to_string());
                if !self.modules.contains_key(&base) {
                    return None;
                }
                base
            }
        };
        base.extend(rest.iter().cloned());
        Some(base)
    }

    fn record(&mut self, segments: &[String]) {
        if let Some(absolute) = self.resolve(segments).filter(|a| !a.is_empty()) {
            self.found.push((self.module.clone(), absolute));
        }
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(path) => {
                prefix.push(path.ident.to_string());
                self.use_tree(prefix, &path.tree);
                prefix.pop();
            }
            syn::UseTree::Name(name) => {
                prefix.push(name.ident.to_string());
                self.record(prefix);
                prefix.pop();
            }
            syn::UseTree::Rename(rename) => {
                prefix.push(rename.ident.to_string());
                self.record(prefix);
                prefix.pop();
            }
            syn::UseTree::Glob(_) => self.record(prefix),
            syn::UseTree::Group(group) => {
                for tree in &group.items {
                    self.use_tree(prefix, tree);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for PathCollector<'_> {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &item.tree);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.record(&segments);
        syn::visit::visit_path(self, path);
    }

    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {
        // `pub(crate)` and `pub(super)` name a scope, not a dependency.
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if item.content.is_none() {
            return;
        }
        self.module.push(item.ident.to_string());
        syn::visit::visit_item_mod(self, item);
        self.module.pop();
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // Macro arguments (`json!`, `format!`) are tokens, not parsed paths: read
        // `crate :: a :: b` runs from their text.
        let text = mac.tokens.to_string();
        let tokens: Vec<&str> = text.split_whitespace().collect();
        for (i, token) in tokens.iter().enumerate() {
            if *token != "crate" && *token != "super" {
                continue;
            }
            let mut segments = vec![token.to_string()];
            let mut j = i + 1;
            while tokens.get(j) == Some(&"::") {
                match tokens.get(j + 1) {
                    Some(next) => segments.push(next.to_string()),
                    None => break,
                }
                j += 2;
            }
            self.record(&segments);
        }
        syn::visit::visit_macro(self, mac);
    }
}

/// Tarjan's strongly connected components.
fn strongly_connected<'a>(
    graph: &BTreeMap<&'a [String], BTreeSet<&'a [String]>>,
) -> Vec<Vec<&'a [String]>> {
    struct State<'a> {
        index: BTreeMap<&'a [String], usize>,
        low: BTreeMap<&'a [String], usize>,
        stack: Vec<&'a [String]>,
        on_stack: BTreeSet<&'a [String]>,
        next: usize,
        components: Vec<Vec<&'a [String]>>,
    }
    fn visit<'a>(
        node: &'a [String],
        graph: &BTreeMap<&'a [String], BTreeSet<&'a [String]>>,
        s: &mut State<'a>,
    ) {
        s.index.insert(node, s.next);
        s.low.insert(node, s.next);
        s.next += 1;
        s.stack.push(node);
        s.on_stack.insert(node);
        for &next in graph.get(node).into_iter().flatten() {
            if !s.index.contains_key(next) {
                visit(next, graph, s);
                let low = s.low[node].min(s.low[next]);
                s.low.insert(node, low);
            } else if s.on_stack.contains(next) {
                let low = s.low[node].min(s.index[next]);
                s.low.insert(node, low);
            }
        }
        if s.low[node] == s.index[node] {
            let mut component = Vec::new();
            while let Some(top) = s.stack.pop() {
                s.on_stack.remove(top);
                component.push(top);
                if top == node {
                    break;
                }
            }
            s.components.push(component);
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        components: Vec::new(),
    };
    for &node in graph.keys() {
        if !state.index.contains_key(node) {
            visit(node, graph, &mut state);
        }
    }
    state.components
}
