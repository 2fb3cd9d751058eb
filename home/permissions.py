"""Wagtail's page permissions, with project rules on top that apps register as hooks.

Every page type's `permissions_for_user` returns `CheckedPagePermissionTester`, which Wagtail
consults for its header "more" menu, listing buttons, bulk actions and the delete and move
views; so an action a rule closes is hidden and refused through one check. The rules live in
the apps that know them (localization registers `page_action_allowed`); home names none.
"""

from wagtail import hooks
from wagtail.models import PagePermissionTester

HOOK_NAME = "page_action_allowed"


def page_action_allowed(user, action, page):
    """Whether every registered rule lets `user` do `action` ("delete", "move") to `page`."""
    return all(rule(user, action, page) for rule in hooks.get_hooks(HOOK_NAME))


class CheckedPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, asking the registered rules before it allows deleting or moving."""

    def can_delete(self, ignore_bulk=False):
        """Wagtail's answer, and the rules' for "delete"."""
        return super().can_delete(ignore_bulk) and page_action_allowed(
            self.user, "delete", self.page
        )

    def can_move(self):
        """Wagtail's answer, and the rules' for "move"."""
        return super().can_move() and page_action_allowed(self.user, "move", self.page)
