"""Entity type colours and labels, shared by the reader and the sidebar so they always agree."""

ENTITY_STYLES = {
    "ORG": "bold #5fafd7",
    "PERSON": "bold #d7875f",
    "PLACE": "bold #5faf5f",
    "PRODUCT": "bold #af87d7",
    "FIGURE": "bold #d7af00",
}
ENTITY_LABELS = {
    "ORG": "Organizations",
    "PERSON": "People",
    "PLACE": "Places",
    "PRODUCT": "Vehicles",
    "FIGURE": "Figures",
}
HIT_STYLE = "reverse"
CURRENT_HIT_STYLE = "bold black on yellow"
