# factors (fr-CA)

## Two-step sign-in page
factors-page-title = Connexion en deux étapes
factors-intro = Une deuxième étape protège votre compte même si quelqu'un apprend votre mot de passe. Sans elle, nous vous envoyons un code par courriel chaque fois que vous vous connectez sur un nouvel appareil.

## Recovery codes shown once
recovery-shown-title = Conservez vos codes de récupération
recovery-shown-info = Ces dix codes ne s'affichent qu'une seule fois. Chacun vous permet de vous connecter une fois si vous perdez votre téléphone ou votre clé d'accès. Imprimez-les ou conservez-les dans un gestionnaire de mots de passe.
# What the copy button copies (its label reads "Copier …").
recovery-copy-what = les codes de récupération
recovery-saved-button = Je les ai conservés

## Authenticator app
totp-title = Application d'authentification
totp-added = Application d'authentification ajoutée
totp-removed = Application d'authentification supprimée
totp-on-badge = Activée
totp-on-text = La connexion demande le code à 6 chiffres de votre application.
totp-removing = Suppression…
totp-remove = Supprimer l'application d'authentification
totp-intro = Utilisez une application comme Google Authenticator, Microsoft Authenticator ou 1Password pour générer un nouveau code toutes les 30 secondes.
totp-preparing = Préparation…
totp-set-up = Configurer une application d'authentification
totp-step-scan = Balayez ce code QR avec votre application d'authentification.
totp-qr-label = Code QR pour votre application d'authentification
totp-step-key = Impossible de balayer le code? Entrez cette clé dans l'application :
# What the copy button copies (its label reads "Copier …").
totp-copy-what = la clé de configuration
totp-step-code = Entrez le code à 6 chiffres affiché par l'application.
totp-code-label = Code de l'application
totp-turn-on = Activer
totp-checking = Vérification…

## Passkeys
passkey-removed = Clé d'accès supprimée
passkey-added = Clé d'accès ajoutée
passkey-title = Clés d'accès
passkey-intro = Connectez-vous avec votre empreinte digitale, votre visage ou le NIP de votre appareil plutôt qu'avec un mot de passe. Les clés d'accès sont à l'abri de l'hameçonnage et ne peuvent pas être réutilisées sur un autre site.
passkey-none = Vous n'avez encore aucune clé d'accès.
passkey-remove-label = Supprimer la clé d'accès { $name }
passkey-added-on = Ajoutée le { $date }
passkey-last-used = dernière utilisation le { $date }
passkey-remove = Supprimer
passkey-name-label = Nom de la nouvelle clé d'accès (facultatif)
passkey-name-hint = Par exemple « Mon téléphone » ou « Portable du travail ».
passkey-add = Ajouter une clé d'accès
passkey-waiting = En attente de votre appareil…

## Recovery codes
recovery-title = Codes de récupération
recovery-left = { $n ->
        [one] Il vous reste { $n } code sur 10.
       *[other] Il vous reste { $n } codes sur 10.
    } Utilisez-en un pour vous connecter si vous perdez votre téléphone ou votre clé d'accès.
recovery-making = Création des codes…
recovery-make-new = Générer de nouveaux codes
recovery-none = Vous recevez dix codes de récupération lorsque vous ajoutez une application d'authentification ou une clé d'accès.

## A code at every sign-in
otp-saved = Paramètre du code de connexion enregistré
otp-title = Un code à chaque connexion
otp-strong-hint = Tant que votre application d'authentification ou votre clé d'accès est configurée, c'est elle qui vous est demandée à la place.
otp-legend = M'envoyer un code chaque fois que je me connecte
otp-off = Non — seulement sur un nouvel appareil
otp-email = Oui, par courriel
otp-sms = Oui, par message texte au { $phone }
otp-sms-no-phone = Oui, par message texte (ajoutez d'abord votre numéro de cellulaire dans la page Profil)
otp-save = Enregistrer
otp-saving = Enregistrement…

## Confirm it is you (re-authentication panel)
reauth-password-missing = Entrez votre mot de passe.
reauth-title = Confirmez votre identité
reauth-why = Pour votre sécurité, entrez de nouveau votre mot de passe avant ce changement. Il ne vous sera pas redemandé pendant 5 minutes.
reauth-code-label = Code de votre application d'authentification
reauth-password-label = Mot de passe
reauth-confirm = Confirmer
reauth-checking = Vérification…
reauth-cancel = Annuler
reauth-use-password = Utiliser plutôt votre mot de passe
reauth-use-app = Utiliser plutôt votre application d'authentification

passkey-js-unsupported = Ce navigateur ne prend pas en charge les clés d'accès. Mettez-le à jour, ou utilisez un autre moyen de connexion.
passkey-js-cancelled = La demande de clé d'accès a été annulée ou a expiré. Réessayez quand vous serez prêt.
passkey-js-exists = Cet appareil contient déjà une clé d'accès pour votre identifiant.
passkey-js-insecure = Les clés d'accès ne sont pas disponibles à cette adresse du portail.
passkey-js-failed = La clé d'accès n'a pas pu être utilisée. Réessayez, ou utilisez un autre moyen.
