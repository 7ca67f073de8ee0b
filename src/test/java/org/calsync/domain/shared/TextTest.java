package org.calsync.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void tabsLineBreaksAccentsRightToLeftAndEmojiAreCarried() {
        for (String text : new String[] {"Line one\r\nLine two\tend", "Réunion d’équipe", "اجتماع الفريق", "Review 🎓👩‍🏫"}) {
            assertEquals(-1, Text.firstUncarriable(text), text);
            assertEquals(text, Text.carriable(text));
        }
    }

    @Test
    void controlCharactersAndHalfSurrogatePairsAreFoundAndLeftOut() {
        assertEquals(0x0, Text.firstUncarriable("Budget\u0000Basics"));
        assertEquals(0x1B, Text.firstUncarriable("\u001B[31mred"));
        assertEquals(0x7F, Text.firstUncarriable("del\u007F"));
        assertEquals(0x85, Text.firstUncarriable("next\u0085line"));
        assertEquals(0xD83C, Text.firstUncarriable("half \uD83C pair"));
        assertEquals(0xFFFF, Text.firstUncarriable("non\uFFFFcharacter"));
        assertEquals("BudgetBasics", Text.carriable("Budget\u0000Basics"));
        assertEquals("half  pair 🎓", Text.carriable("half \uDF93 pair 🎓"));
        assertNull(Text.carriable(null));
    }

    @Test
    void typedTextWithAControlCharacterIsAFieldErrorThatNamesIt() {
        Validation validation = new Validation();
        validation.required("courseTitle", "Budget\u0000Basics", 200, "label.courseTitle");
        validation.optional("description", "fine\r\nand fine", 2000, "label.description");
        InvalidInputException error = assertThrows(InvalidInputException.class, validation::throwIfInvalid);
        assertEquals(1, error.errors().size(), error.errors().toString());
        assertEquals("courseTitle", error.errors().get(0).field());
        assertEquals("Course title contains a control character (U+0000): only tabs and line breaks are allowed.",
                error.errors().get(0).message());
    }
}
