"""The search imports `<app>.search_documents` only: this loads each room's search sources."""

from network.directory import search_documents as directory_documents
from network.mediators import search_documents as mediators_documents
from network.posts import search_documents as posts_documents

ROOMS = [directory_documents, mediators_documents, posts_documents]
