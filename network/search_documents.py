"""The search imports `<app>.search_documents` only: this registers each room's sources, in
the order the search page lists them within a group (profiles before posts)."""

from network.directory import search_documents as directory_documents
from network.mediators import search_documents as mediators_documents
from network.posts import search_documents as posts_documents
from search.registry import register

register(*directory_documents.SOURCES, *mediators_documents.SOURCES, *posts_documents.SOURCES)
