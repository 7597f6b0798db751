"""Who may answer for a role: a member of staff who holds it, or the deputy
(`deputy_email`) of one who does. A staff reply after approval decides only
from one of them."""
from __future__ import annotations

from orders.master import MasterData
from orders.text import normal_address

__all__ = ["acts_for", "roles_of", "deputies_of", "ROLES"]

ROLES = ("sales_rep", "sales_manager", "finance", "warehouse", "production", "logistics", "customer_service", "tech")


def acts_for(master: MasterData, sender: str, role: str) -> bool:
    address = normal_address(sender)
    return any(normal_address(m.email) == address or (m.deputy_email and normal_address(m.deputy_email) == address)
               for m in master.staff_with_role(role))


def roles_of(master: MasterData, sender: str) -> set[str]:
    """The roles the sender answers for: held, or as the deputy of someone who holds them
    (a deputy need not be in the staff table themselves)."""
    return {role for role in ROLES if acts_for(master, sender, role)}


def deputies_of(master: MasterData, addresses: list[str]) -> list[str]:
    """The deputies of these people, without the people themselves or repeats."""
    have = {normal_address(a) for a in addresses}
    found: list[str] = []
    for address in addresses:
        member = master.staff_by_email(address)
        deputy = member.deputy_email if member else None
        if deputy and normal_address(deputy) not in have:
            have.add(normal_address(deputy))
            found.append(deputy)
    return found
