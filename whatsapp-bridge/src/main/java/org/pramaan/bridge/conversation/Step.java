package org.pramaan.bridge.conversation;

/** Where a conversation stands; persisted, so a restart resumes at the same question. */
public enum Step {
    /** First contact or language change: waiting for a language button. */
    LANGUAGE,
    /** Nothing in progress: menus, search and commands. */
    MENU,
    /** Answering a service's form, one field at a time. */
    FORM,
    /** Form complete, summary shown, waiting for Submit or Cancel. */
    CONFIRM,
    /** Asked for a photo or PDF of a certificate to verify. */
    VERIFY;

    /** Steps that hold unfinished work and so expire when abandoned. */
    public boolean expires() {
        return this == FORM || this == CONFIRM || this == VERIFY;
    }
}
