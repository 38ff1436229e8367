// What the number reader (src/report/number-input.ts) says about a typed number it cannot take.
import { areaCatalogue } from '../area';

export const numberInput = areaCatalogue({
  en: {
    'numberInput.theNumber': 'The number',
    'numberInput.enter': 'Enter a number.',
    'numberInput.enterExample': 'Enter a number (e.g. {example}).',
    'numberInput.usePoint': 'Use a point for decimals (e.g. {example}).',
    'numberInput.useComma': 'Use a comma for decimals (e.g. {example}).',
    'numberInput.notANumber': '“{text}” is not a number.',
    'numberInput.tooLarge': '{what} is too large.',
    'numberInput.whole': '{what} must be a whole number.',
    'numberInput.between': '{what} must be between {min} and {max}.',
    'numberInput.atLeast': '{what} must be {min} or more.',
    'numberInput.atMost': '{what} must be {max} or less.',
  },
  fr: {
    'numberInput.theNumber': 'Le nombre',
    'numberInput.enter': 'Saisissez un nombre.',
    'numberInput.enterExample': 'Saisissez un nombre (p. ex. {example}).',
    'numberInput.usePoint': 'Utilisez un point pour les décimales (p. ex. {example}).',
    'numberInput.useComma': 'Utilisez une virgule pour les décimales (p. ex. {example}).',
    'numberInput.notANumber': '« {text} » n’est pas un nombre.',
    'numberInput.tooLarge': '{what} : la valeur est trop grande.',
    'numberInput.whole': '{what} : un nombre entier est attendu.',
    'numberInput.between': '{what} : une valeur de {min} à {max} est attendue.',
    'numberInput.atLeast': '{what} : une valeur d’au moins {min} est attendue.',
    'numberInput.atMost': '{what} : une valeur d’au plus {max} est attendue.',
  },
  nl: {
    'numberInput.theNumber': 'Het getal',
    'numberInput.enter': 'Voer een getal in.',
    'numberInput.enterExample': 'Voer een getal in (bv. {example}).',
    'numberInput.usePoint': 'Gebruik een punt voor decimalen (bv. {example}).',
    'numberInput.useComma': 'Gebruik een komma voor decimalen (bv. {example}).',
    'numberInput.notANumber': '‘{text}’ is geen getal.',
    'numberInput.tooLarge': '{what}: de waarde is te groot.',
    'numberInput.whole': '{what}: een geheel getal wordt verwacht.',
    'numberInput.between': '{what}: een waarde van {min} tot {max} wordt verwacht.',
    'numberInput.atLeast': '{what}: een waarde van minstens {min} wordt verwacht.',
    'numberInput.atMost': '{what}: een waarde van hoogstens {max} wordt verwacht.',
  },
});
