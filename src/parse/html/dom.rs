//! The page's DOM, as small as the readers need: html5ever's tree builder drives our own
//! `TreeSink` ([`super::sink`]) into one arena of nodes linked by index. An element keeps its name and only the
//! attributes the renderer and the metadata readers look at ([`kept_of`]); text of scripts (but
//! JSON-LD blocks) and styles is dropped as it arrives. Comments stay as empty nodes, since a
//! comment still separates two siblings (processing instructions, which HTML never yields, too);
//! doctypes are not kept.
//! Reading goes through [`NodeRef`], a copyable handle with the walks the readers use.

use super::sink::Sink;
use html5ever::tendril::StrTendril;
use html5ever::{LocalName, QualName};
use std::cell::RefCell;

/// The attributes anything in `html/` reads; every other one is dropped at creation. An element
/// keeps each by its place in this list, not its name: [`Element::attr`], given a name written
/// in the code, finds that place at compile time.
macro_rules! kept {
    ($($name:tt),* $(,)?) => {
        /// The place in the kept list of an attribute html5ever names.
        pub(super) fn kept_of(name: &LocalName) -> Option<u8> {
            let mut k = 0u8;
            $(
                if *name == html5ever::local_name!($name) {
                    return Some(k);
                }
                k += 1;
            )*
            let _ = k;
            None
        }

        /// The place in the kept list of an attribute's name as the readers write it.
        #[inline(always)]
        pub(super) fn kept_of_str(name: &str) -> Option<u8> {
            let mut k = 0u8;
            $(
                if name == $name {
                    return Some(k);
                }
                k += 1;
            )*
            let _ = k;
            None
        }
    };
}

kept![
    "class",
    "id",
    "hidden",
    "aria-hidden",
    "style",
    "href",
    "role",
    "datetime",
    "alt",
    "lang",
    "xml:lang",
    "rel",
    "property",
    "name",
    "itemprop",
    "content",
    "itemscope",
    "itemtype",
    "type",
];

/// A node's index in the arena; the document is 0.
pub(crate) type NodeId = u32;
pub(super) const NONE: NodeId = u32::MAX;

pub(crate) enum Node {
    Document,
    /// A `<template>`'s contents, its only child.
    Fragment,
    Element(Element),
    Text(StrTendril),
    Comment,
}

pub(crate) struct Element {
    pub(super) name: QualName,
    /// The kept attributes, each by its place in the kept list ([`kept_of`]).
    pub(super) attrs: Vec<(u8, StrTendril)>,
    /// Text appended to this element is dropped: a script that is not JSON-LD, a style.
    pub(super) mute: bool,
    /// A muted script whose text is kept after all if it opens by assigning the page's state
    /// (`window.__PRELOADED_STATE__ = {…}`: see [`super::state`]).
    pub(super) probe: bool,
}

impl Element {
    pub(crate) fn name(&self) -> &str {
        &self.name.local
    }

    #[inline(always)]
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        let k = kept_of_str(name)?;
        self.attrs.iter().find(|(n, _)| *n == k).map(|(_, v)| &**v)
    }
}

impl Node {
    pub(crate) fn as_element(&self) -> Option<&Element> {
        match self {
            Node::Element(e) => Some(e),
            _ => None,
        }
    }

    pub(crate) fn as_text(&self) -> Option<&str> {
        match self {
            Node::Text(t) => Some(t),
            _ => None,
        }
    }

    pub(crate) fn is_element(&self) -> bool {
        matches!(self, Node::Element(_))
    }
}

pub(super) struct Slot {
    pub(super) parent: NodeId,
    first: NodeId,
    last: NodeId,
    prev: NodeId,
    next: NodeId,
    pub(super) value: Node,
}

/// A parsed page.
pub(crate) struct Dom {
    pub(super) slots: Vec<Slot>,
}

impl Dom {
    /// Parses a whole document, as a browser would, whatever its errors (and nesting capped
    /// as browsers cap it, see [`super::capped`]).
    pub(crate) fn parse(text: &str) -> Dom {
        let sink = || {
            let mut dom = Dom { slots: Vec::with_capacity(text.len() / 32) };
            dom.push(Node::Document);
            Sink(RefCell::new(dom))
        };
        super::capped::parse(sink, text)
    }

    pub(crate) fn root(&self) -> NodeRef<'_> {
        NodeRef { dom: self, id: 0 }
    }

    /// Every node in document order of creation (what a full scan needs, cheaper than a walk).
    pub(crate) fn nodes(&self) -> impl Iterator<Item = NodeRef<'_>> {
        (0..self.slots.len() as NodeId).map(|id| NodeRef { dom: self, id })
    }

    pub(super) fn push(&mut self, value: Node) -> NodeId {
        let id = self.slots.len() as NodeId;
        self.slots.push(Slot { parent: NONE, first: NONE, last: NONE, prev: NONE, next: NONE, value });
        id
    }

    pub(super) fn slot(&self, id: NodeId) -> &Slot {
        &self.slots[id as usize]
    }

    pub(super) fn detach(&mut self, id: NodeId) {
        let s = self.slot(id);
        let (parent, prev, next) = (s.parent, s.prev, s.next);
        if parent == NONE {
            return;
        }
        if prev == NONE {
            self.slots[parent as usize].first = next;
        } else {
            self.slots[prev as usize].next = next;
        }
        if next == NONE {
            self.slots[parent as usize].last = prev;
        } else {
            self.slots[next as usize].prev = prev;
        }
        let s = &mut self.slots[id as usize];
        (s.parent, s.prev, s.next) = (NONE, NONE, NONE);
    }

    pub(super) fn append(&mut self, parent: NodeId, id: NodeId) {
        self.detach(id);
        let last = self.slots[parent as usize].last;
        {
            let s = &mut self.slots[id as usize];
            (s.parent, s.prev) = (parent, last);
        }
        if last == NONE {
            self.slots[parent as usize].first = id;
        } else {
            self.slots[last as usize].next = id;
        }
        self.slots[parent as usize].last = id;
    }

    pub(super) fn insert_before(&mut self, sibling: NodeId, id: NodeId) {
        self.detach(id);
        let (parent, prev) = (self.slots[sibling as usize].parent, self.slots[sibling as usize].prev);
        {
            let s = &mut self.slots[id as usize];
            (s.parent, s.prev, s.next) = (parent, prev, sibling);
        }
        self.slots[sibling as usize].prev = id;
        if prev == NONE {
            self.slots[parent as usize].first = id;
        } else {
            self.slots[prev as usize].next = id;
        }
    }

    /// Appends text to `parent`, or to the text node before `before`, joining adjacent text.
    pub(super) fn add_text(&mut self, parent: NodeId, before: Option<NodeId>, text: StrTendril) {
        if let Node::Element(e) = &mut self.slots[parent as usize].value
            && e.mute
        {
            if !e.probe || text.trim().is_empty() {
                return;
            }
            e.probe = false;
            if !super::state::opens_state(&text) {
                return;
            }
            e.mute = false;
        }
        let neighbour = match before {
            Some(b) => self.slots[b as usize].prev,
            None => self.slots[parent as usize].last,
        };
        if neighbour != NONE
            && let Node::Text(t) = &mut self.slots[neighbour as usize].value
        {
            t.push_tendril(&text);
            return;
        }
        let id = self.push(Node::Text(text));
        match before {
            Some(b) => self.insert_before(b, id),
            None => self.append(parent, id),
        }
    }

    /// Moves every child of `from` to the end of `to`, in order.
    pub(super) fn reparent_children(&mut self, from: NodeId, to: NodeId) {
        loop {
            let first = self.slots[from as usize].first;
            if first == NONE {
                return;
            }
            self.append(to, first);
        }
    }

    pub(super) fn first_child_id(&self, id: NodeId) -> NodeId {
        self.slots[id as usize].first
    }
}

/// A node and the page it belongs to: what the readers hold while they walk.
#[derive(Clone, Copy)]
pub(crate) struct NodeRef<'a> {
    dom: &'a Dom,
    id: NodeId,
}

/// One step of a walk: entering a node, or leaving it after its children.
pub(crate) enum Edge<'a> {
    Open(NodeRef<'a>),
    Close(NodeRef<'a>),
}

impl<'a> NodeRef<'a> {
    pub(crate) fn id(self) -> NodeId {
        self.id
    }

    pub(crate) fn value(self) -> &'a Node {
        &self.dom.slot(self.id).value
    }

    fn to(self, id: NodeId) -> Option<NodeRef<'a>> {
        (id != NONE).then_some(NodeRef { dom: self.dom, id })
    }

    pub(crate) fn parent(self) -> Option<NodeRef<'a>> {
        self.to(self.dom.slot(self.id).parent)
    }

    pub(crate) fn first_child(self) -> Option<NodeRef<'a>> {
        self.to(self.dom.slot(self.id).first)
    }

    pub(crate) fn next_sibling(self) -> Option<NodeRef<'a>> {
        self.to(self.dom.slot(self.id).next)
    }

    pub(crate) fn children(self) -> impl Iterator<Item = NodeRef<'a>> {
        std::iter::successors(self.first_child(), |n| n.next_sibling())
    }

    /// The siblings after this node, nearest first.
    pub(crate) fn next_siblings(self) -> impl Iterator<Item = NodeRef<'a>> {
        std::iter::successors(self.next_sibling(), |n| n.next_sibling())
    }

    /// The parent, its parent, and so on up to the document.
    pub(crate) fn ancestors(self) -> impl Iterator<Item = NodeRef<'a>> {
        std::iter::successors(self.parent(), |n| n.parent())
    }

    /// This node and everything under it, in document order.
    pub(crate) fn descendants(self) -> impl Iterator<Item = NodeRef<'a>> {
        self.traverse().filter_map(|e| match e {
            Edge::Open(n) => Some(n),
            Edge::Close(_) => None,
        })
    }

    /// A walk of this subtree that says when each node opens and closes.
    pub(crate) fn traverse(self) -> Traverse<'a> {
        Traverse { root: self, next: Some(Edge::Open(self)) }
    }
}

pub(crate) struct Traverse<'a> {
    root: NodeRef<'a>,
    next: Option<Edge<'a>>,
}

impl<'a> Traverse<'a> {
    /// Leaves out what is under `node`, just opened: its close comes next.
    pub(crate) fn close_now(&mut self, node: NodeRef<'a>) {
        self.next = Some(Edge::Close(node));
    }
}

impl<'a> Iterator for Traverse<'a> {
    type Item = Edge<'a>;

    fn next(&mut self) -> Option<Edge<'a>> {
        let edge = self.next.take()?;
        self.next = match edge {
            Edge::Open(n) => Some(match n.first_child() {
                Some(c) => Edge::Open(c),
                None => Edge::Close(n),
            }),
            Edge::Close(n) if n.id == self.root.id => None,
            Edge::Close(n) => match n.next_sibling() {
                Some(s) => Some(Edge::Open(s)),
                None => n.parent().map(Edge::Close),
            },
        };
        Some(edge)
    }
}
