from ...enums import LenientStrEnum


class AssociationCategory(LenientStrEnum):
    HUBSPOT_DEFINED = "HUBSPOT_DEFINED"
    INTEGRATOR_DEFINED = "INTEGRATOR_DEFINED"
    USER_DEFINED = "USER_DEFINED"
    WORK = "WORK"

    def __str__(self) -> str:
        return str(self.value)
