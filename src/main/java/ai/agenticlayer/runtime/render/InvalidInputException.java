package ai.agenticlayer.runtime.render;

/** Input render cannot use; the message names the file, the object and the field. */
final class InvalidInputException extends RuntimeException {

    InvalidInputException(String message) {
        super(message);
    }
}
