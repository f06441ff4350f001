# linking (fr-CA)

link-title = Liez votre compte
link-intro = Entrez vos renseignements exactement tels qu'ils figurent sur votre contrat de financement.
link-first-name = Prénom
link-last-name = Nom de famille
link-method-legend = Lier avec
link-method-vin = Le NIV et le dernier paiement
link-method-customer-id = Le numéro de client inscrit sur votre carte de propriétaire
link-customer-id-label = Numéro de client
link-customer-id-hint = Inscrit sur votre carte de propriétaire, par exemple NS-48213907.
link-vin-label = Numéro d'identification du véhicule (NIV)
link-vin-hint = Les 17 caractères. Il ne contient jamais les lettres I, O ou Q. Vous le trouverez sur votre certificat d'immatriculation, votre certificat d'assurance ou le montant de la portière du conducteur.
link-last-payment-label = Montant de votre dernier paiement
link-last-payment-hint = Le montant exact, par exemple 926,18.
link-submit = Lier le compte
link-submit-busy = Vérification de vos renseignements…

## Authorize this device (the emailed code)

link-authorize-title = Autorisez cet appareil
link-authorize-subtitle = Entrez votre code
# Around the email address, which is shown in bold.
link-code-sent-before = Nous avons envoyé un code à 6 chiffres à
link-code-sent-after = . Il expire dans 10 minutes.
link-code-label = Code à 6 chiffres
link-code-invalid = Entrez le code à 6 chiffres reçu par courriel.
link-authorize-button = Autoriser l'appareil
link-authorize-busy = Vérification…
link-no-email = Vous n'avez rien reçu? Vérifiez votre dossier de courrier indésirable, ou revenez en arrière et soumettez de nouveau vos renseignements pour recevoir un nouveau code.

## Linked

link-toast-linked = Compte lié
link-linked-title = Votre compte est lié
link-linked-intro = Ces contrats figurent maintenant dans votre compte :
# What the copy button copies (its label reads "Copy …").
link-copy-what = le numéro de contrat
link-go-to-dashboard = Accéder à votre tableau de bord
