package org.openpayer.bulkexport.model.security;

/** SMART v2 permission letters, declared in the order the syntax requires ({@code c r u d s}). */
public enum Permission {
    CREATE('c'), READ('r'), UPDATE('u'), DELETE('d'), SEARCH('s');

    private final char letter;

    Permission(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
