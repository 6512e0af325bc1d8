//! html5ever's tree builder → our [`Dom`]: the [`TreeSink`] contract (create, append, insert
//! before, reparent, detach, merge adjacent text), keeping an element's name and the few
//! attributes the readers use, and muting scripts and styles so their text is never stored.
//! The tokenizer still sees every byte; the sink only keeps less of it.

use super::dom::{Dom, NONE, Node, NodeId, kept_of};
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

pub(super) struct Sink(pub(super) RefCell<Dom>);

fn kept(attrs: Vec<Attribute>) -> Vec<(u8, StrTendril)> {
    attrs.into_iter().filter_map(|a| Some((kept_of(&a.name.local).filter(|_| a.name.ns == ns!())?, a.value))).collect()
}

impl Sink {
    fn add(&self, parent: NodeId, before: Option<NodeId>, child: NodeOrText<NodeId>) {
        let mut dom = self.0.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => match before {
                Some(b) => dom.insert_before(b, id),
                None => dom.append(parent, id),
            },
            NodeOrText::AppendText(text) => dom.add_text(parent, before, text),
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |dom| match &dom.slots[*target as usize].value {
            Node::Element(e) => &e.name,
            // The tree builder asks only of elements.
            _ => unreachable!("elem_name of a node that is not an element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> NodeId {
        let attrs = kept(attrs);
        let mute = name.ns == ns!(html)
            && match name.local {
                local_name!("style") => true,
                local_name!("script") => {
                    !attrs.iter().any(|(n, v)| Some(*n) == kept_of(&local_name!("type")) && super::state::kept_type(v))
                }
                _ => false,
            };
        let probe = mute && name.local == local_name!("script");
        let template = name.ns == ns!(html) && name.local == local_name!("template");
        let mut dom = self.0.borrow_mut();
        let id = dom.push(Node::Element(super::dom::Element { name, attrs, mute, probe }));
        if template {
            let contents = dom.push(Node::Fragment);
            dom.append(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.0.borrow_mut().push(Node::Comment)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.0.borrow_mut().push(Node::Comment)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.add(*parent, None, child);
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        let has_parent = self.0.borrow().slots[*element as usize].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // `create_element` gave every template its contents as first child.
        self.0.borrow().first_child_id(*target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let parent = self.0.borrow().slots[*sibling as usize].parent;
        if parent == NONE {
            // As the contract says: a sibling without a parent takes nothing; a node moved
            // here still leaves its old place.
            if let NodeOrText::AppendNode(id) = new_node {
                self.0.borrow_mut().detach(id);
            }
            return;
        }
        self.add(parent, Some(*sibling), new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut dom = self.0.borrow_mut();
        if let Node::Element(e) = &mut dom.slots[*target as usize].value {
            for (name, value) in kept(attrs) {
                if !e.attrs.iter().any(|(n, _)| *n == name) {
                    e.attrs.push((name, value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.0.borrow_mut().reparent_children(*node, *new_parent);
    }
}
