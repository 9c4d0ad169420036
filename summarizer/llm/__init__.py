"""The LLM seam: one small interface that every backend implements."""

from .base import Completion, LLMClient, Message

__all__ = ["Completion", "LLMClient", "Message"]
