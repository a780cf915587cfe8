from ..enums import LenientStrEnum


class BatchStatus(LenientStrEnum):
    CANCELED = "CANCELED"
    COMPLETE = "COMPLETE"
    PENDING = "PENDING"
    PROCESSING = "PROCESSING"

    def __str__(self) -> str:
        return str(self.value)
